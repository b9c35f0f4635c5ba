-- HIGH findings between two business dates: bind ? to the first and ? to the last date (inclusive).
SELECT business_date, control_id, reason_code, controller, job_name, build_number, approval_no, actor, occurred_at, detail
FROM recon_finding WHERE severity = 'HIGH' AND business_date BETWEEN ? AND ? ORDER BY business_date, control_id, finding_id;
