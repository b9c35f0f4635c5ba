-- The published tables of outputs.md §1, columns in the order of WarehouseTables. Times are UTC.
-- Key lengths stay within InnoDB's 3072 bytes (4 bytes per utf8mb4 character), so no key needs a prefix or a hash.

CREATE TABLE IF NOT EXISTS recon_run (
    business_date DATE NOT NULL,
    controller VARCHAR(100) NOT NULL,
    job_name VARCHAR(600) NOT NULL,
    build_number INT NOT NULL,
    started_at DATETIME(3),
    finished_at DATETIME(3),
    duration_ms BIGINT,
    result VARCHAR(32),
    trigger_type VARCHAR(32),
    executor VARCHAR(255),
    approval_no VARCHAR(64),
    approval_type VARCHAR(32),
    approval_status VARCHAR(32),
    approval_requester VARCHAR(255),
    approval_approver VARCHAR(255),
    approval_decided_at DATETIME(3),
    approval_run_rank INT,
    control_status VARCHAR(16),
    reason_codes VARCHAR(1024),
    max_severity VARCHAR(16),
    finding_count INT,
    not_evaluated VARCHAR(1024),
    in_build_records BOOLEAN,
    in_audit_trail BOOLEAN,
    evidence_sources VARCHAR(64),
    node VARCHAR(255),
    source_doc_ids TEXT,
    batch_id VARCHAR(64),
    PRIMARY KEY (controller, job_name, build_number),
    KEY recon_run_date (business_date),
    KEY recon_run_approval (approval_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS recon_finding (
    finding_id VARCHAR(191) NOT NULL,
    business_date DATE NOT NULL,
    control_id VARCHAR(16),
    reason_code VARCHAR(64),
    severity VARCHAR(16),
    controller VARCHAR(100),
    job_name VARCHAR(600),
    build_number INT,
    approval_no VARCHAR(64),
    actor VARCHAR(255),
    occurred_at DATETIME(3),
    detail TEXT,
    first_batch_id VARCHAR(64),
    last_batch_id VARCHAR(64),
    PRIMARY KEY (finding_id),
    KEY recon_finding_date (business_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS recon_approval (
    business_date DATE NOT NULL,
    approval_no VARCHAR(64) NOT NULL,
    request_type VARCHAR(32),
    controller VARCHAR(100),
    job_name VARCHAR(600),
    status VARCHAR(32),
    requester_id VARCHAR(255),
    approver_id VARCHAR(255),
    decided_at DATETIME(3),
    valid_from DATETIME(3),
    valid_to DATETIME(3),
    max_runs INT,
    runs_covered BIGINT,
    runs_on_date BIGINT,
    first_run_at DATETIME(3),
    last_run_at DATETIME(3),
    finding_count BIGINT,
    batch_id VARCHAR(64),
    PRIMARY KEY (business_date, approval_no),
    KEY recon_approval_no (approval_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS recon_daily_summary (
    business_date DATE NOT NULL,
    controller VARCHAR(100) NOT NULL,
    control_id VARCHAR(16) NOT NULL,
    population BIGINT,
    compliant BIGINT,
    exceptions BIGINT,
    pending BIGINT,
    findings_high BIGINT,
    findings_medium BIGINT,
    findings_low BIGINT,
    findings_info BIGINT,
    batch_id VARCHAR(64),
    PRIMARY KEY (business_date, controller, control_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS control_catalog (
    control_id VARCHAR(16),
    control_name_en VARCHAR(255),
    control_name_ko VARCHAR(255),
    control_test_en VARCHAR(1024),
    control_test_ko VARCHAR(1024),
    reason_code VARCHAR(64) NOT NULL,
    severity VARCHAR(16),
    reason_en VARCHAR(1024),
    reason_ko VARCHAR(1024),
    PRIMARY KEY (reason_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS recon_batch (
    batch_id VARCHAR(64) NOT NULL,
    kind VARCHAR(32),
    date_from DATE,
    date_to DATE,
    status VARCHAR(16),
    started_at DATETIME(3),
    finished_at DATETIME(3),
    as_of DATETIME(3),
    source_watermark DATETIME(3),
    builds_read BIGINT,
    audit_read BIGINT,
    approvals_read BIGINT,
    users_read BIGINT,
    quarantined BIGINT,
    runs_written BIGINT,
    findings_written BIGINT,
    approvals_written BIGINT,
    summary_rows_written BIGINT,
    manifest_digest VARCHAR(128),
    software_version VARCHAR(64),
    config_digest VARCHAR(128),
    message TEXT,
    PRIMARY KEY (batch_id),
    KEY recon_batch_dates (date_from, date_to)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS recon_quarantine (
    source VARCHAR(32) NOT NULL,
    document_id VARCHAR(700) NOT NULL,
    reason VARCHAR(1024),
    raw_excerpt TEXT,
    first_batch_id VARCHAR(64),
    last_batch_id VARCHAR(64),
    PRIMARY KEY (source, document_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
