-- The review history of findings (issue 12): append-only, written by `review` through sql/append/recon_finding_review.sql.
-- appended_seq keeps the order rows arrived in; nothing ever updates or deletes a row.

CREATE TABLE IF NOT EXISTS recon_finding_review (
    review_id VARCHAR(64) NOT NULL,
    finding_id VARCHAR(191) NOT NULL,
    disposition VARCHAR(32) NOT NULL,
    reference VARCHAR(255),
    comment TEXT,
    reviewer VARCHAR(255) NOT NULL,
    reviewed_at DATETIME(3) NOT NULL,
    approves_review_id VARCHAR(64),
    appended_seq BIGINT NOT NULL AUTO_INCREMENT,
    PRIMARY KEY (review_id),
    UNIQUE KEY recon_finding_review_seq (appended_seq),
    KEY recon_finding_review_finding (finding_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
