-- The job only reads the approval database: a dedicated account with SELECT on the two relations.
-- Run as an administrator after replacing the password; the job gets it from sources.approvals.password_env.
CREATE USER IF NOT EXISTS 'audit_reader'@'%' IDENTIFIED BY 'change-me';
GRANT SELECT ON approval.approval_record TO 'audit_reader'@'%';
GRANT SELECT ON approval.app_user TO 'audit_reader'@'%';
