-- The approval contract the job reads (inputs.md §1). An organisation maps its own tables onto it with a view
-- (see example_view.sql); the job's account needs SELECT only.
CREATE TABLE IF NOT EXISTS approval_record (
  approval_no   VARCHAR(64)  NOT NULL,
  request_type  VARCHAR(32)  NOT NULL,
  controller    VARCHAR(128) NOT NULL,
  job_name      VARCHAR(512) NOT NULL,
  build_number  INT          NULL,
  requester_id  VARCHAR(64)  NOT NULL,
  approver_id   VARCHAR(64)  NULL,
  status        VARCHAR(16)  NOT NULL,
  requested_at  DATETIME(3)  NOT NULL,
  decided_at    DATETIME(3)  NULL,
  valid_from    DATETIME(3)  NULL,
  valid_to      DATETIME(3)  NULL,
  max_runs      INT          NULL,
  reason        TEXT         NULL,
  updated_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (approval_no),
  KEY approval_record_updated (updated_at)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin
