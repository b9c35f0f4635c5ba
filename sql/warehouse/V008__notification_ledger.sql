-- The chat notification ledger (issue 12): append-only, written through sql/append/recon_notification.sql after a
-- target took a message. notice_id = target '|' subject (a finding id, or 'package <month> <content sha256>'), so a
-- finding is announced once per target across re-runs, restatements and scheduler recovery.

CREATE TABLE IF NOT EXISTS recon_notification (
    notice_id VARCHAR(320) NOT NULL,
    target VARCHAR(64) NOT NULL,
    subject VARCHAR(255) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    batch_id VARCHAR(128),
    sent_at DATETIME(3) NOT NULL,
    appended_seq BIGINT NOT NULL AUTO_INCREMENT,
    PRIMARY KEY (notice_id),
    UNIQUE KEY recon_notification_seq (appended_seq),
    KEY recon_notification_target (target)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
