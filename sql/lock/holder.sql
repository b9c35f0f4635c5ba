-- The label of the connection that holds the lock now (none when the holder did not record itself).
SELECT connection_id, host, pid, holder, since FROM writer_lock WHERE lock_name = ? AND connection_id = IS_USED_LOCK(?)
