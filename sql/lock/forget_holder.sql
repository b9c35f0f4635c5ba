-- The holder removes its label before it releases the lock.
DELETE FROM writer_lock WHERE lock_name = ? AND connection_id = CONNECTION_ID()
