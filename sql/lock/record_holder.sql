-- The holder labels the lock it has just taken (lock name, host, pid, what it does, since when), on the lock's own connection.
INSERT INTO writer_lock (lock_name, connection_id, host, pid, holder, since) VALUES (?, CONNECTION_ID(), ?, ?, ?, ?)
ON DUPLICATE KEY UPDATE connection_id = VALUES(connection_id), host = VALUES(host), pid = VALUES(pid),
    holder = VALUES(holder), since = VALUES(since)
