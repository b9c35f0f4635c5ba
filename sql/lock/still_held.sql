-- 1 while this connection holds the lock; fails when the connection was killed.
SELECT IS_USED_LOCK(?) = CONNECTION_ID()
