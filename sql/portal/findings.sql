-- The Findings page's rows with each finding's current disposition (recon_finding_status): FindingFilter wraps it as
-- "SELECT * FROM (...) f" and adds "WHERE <column> = ?" / "business_date >= ?" clauses with bound values and an ORDER BY
-- over a whitelisted column, then LIMIT ? OFFSET ?
SELECT f.finding_id, f.business_date, f.control_id, f.reason_code, f.severity, f.controller, f.job_name, f.build_number,
       f.approval_no, f.actor, f.occurred_at, coalesce(s.disposition, 'OPEN') AS disposition, f.detail
FROM recon_finding f LEFT JOIN recon_finding_status s ON s.finding_id = f.finding_id
