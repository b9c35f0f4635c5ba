-- The evidence portal's access log (issue 13): every sign-in, failed sign-in, download and export, append-only,
-- written by `serve` through sql/append/portal_access.sql. appended_seq keeps the order rows arrived in.

CREATE TABLE IF NOT EXISTS portal_access (
    access_id VARCHAR(64) NOT NULL,
    accessed_at DATETIME(3) NOT NULL,
    user_name VARCHAR(255),
    role VARCHAR(32),
    action VARCHAR(32) NOT NULL,
    file VARCHAR(1024),
    sha256 CHAR(64),
    client_address VARCHAR(64),
    user_agent VARCHAR(1024),
    detail TEXT,
    appended_seq BIGINT NOT NULL AUTO_INCREMENT,
    PRIMARY KEY (access_id),
    UNIQUE KEY portal_access_seq (appended_seq),
    KEY portal_access_at (accessed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
