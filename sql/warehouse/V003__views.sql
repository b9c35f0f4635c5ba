-- Views for the common questions of compliance staff (outputs.md §1); saved queries in sql/queries/ use them.

-- HIGH findings of the current month (UTC calendar), newest first
CREATE OR REPLACE VIEW v_open_high_exceptions_this_month AS
SELECT f.business_date, f.control_id, f.reason_code, f.controller, f.job_name, f.build_number, f.approval_no,
       f.actor, f.occurred_at, f.detail, f.finding_id, f.first_batch_id
FROM recon_finding f
WHERE f.severity = 'HIGH'
  AND f.business_date >= DATE_SUB(UTC_DATE(), INTERVAL DAYOFMONTH(UTC_DATE()) - 1 DAY);

-- every run that carries an approval number, with that approval; filter on approval_no
CREATE OR REPLACE VIEW v_runs_by_approval AS
SELECT r.approval_no, r.approval_type, r.approval_status, r.approval_requester, r.approval_approver,
       r.approval_decided_at, r.approval_run_rank, r.business_date, r.controller, r.job_name, r.build_number,
       r.started_at, r.finished_at, r.result, r.trigger_type, r.executor, r.control_status, r.reason_codes,
       r.max_severity
FROM recon_run r
WHERE r.approval_no IS NOT NULL;

-- failed runs whose failure report was not filed within the SLA (control C5)
CREATE OR REPLACE VIEW v_failed_runs_without_report AS
SELECT r.business_date, r.controller, r.job_name, r.build_number, r.started_at, r.finished_at, r.result,
       r.executor, r.approval_no, f.finding_id, f.detail
FROM recon_run r
JOIN recon_finding f
  ON f.reason_code = 'FAILURE_NOT_REPORTED' AND f.business_date = r.business_date AND f.controller = r.controller
 AND f.job_name = r.job_name AND f.build_number = r.build_number;
