-- Who holds the warehouse's writer lock (the MySQL named lock GET_LOCK('aw_writer.<schema>')), so that a process
-- kept waiting can name it. The lock itself lives with the holder's connection; this row is only its label, and it
-- counts only while connection_id still holds the lock (a row left by a holder that died is ignored, then replaced).

CREATE TABLE IF NOT EXISTS writer_lock (
    lock_name VARCHAR(64) NOT NULL,
    connection_id BIGINT UNSIGNED NOT NULL,
    host VARCHAR(255) NOT NULL,
    pid BIGINT NOT NULL,
    holder VARCHAR(255) NOT NULL,
    since DATETIME(3) NOT NULL,
    PRIMARY KEY (lock_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
