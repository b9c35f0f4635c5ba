-- Users (inputs.md §2): separation-of-duties checks and display name to user id.
CREATE TABLE IF NOT EXISTS app_user (
  user_id       VARCHAR(64)  NOT NULL,
  display_name  VARCHAR(128) NOT NULL,
  department    VARCHAR(128) NULL,
  role          VARCHAR(16)  NOT NULL,
  active_from   DATETIME(3)  NULL,
  active_to     DATETIME(3)  NULL,
  PRIMARY KEY (user_id, role)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin
