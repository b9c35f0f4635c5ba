-- The Findings page's rows: FindingFilter adds "WHERE <column> = ?" / "business_date BETWEEN ? AND ?" clauses with bound
-- values and an ORDER BY over a whitelisted column, then LIMIT ? OFFSET ?
SELECT finding_id, business_date, control_id, reason_code, severity, controller, job_name, build_number, approval_no,
       actor, occurred_at, detail
FROM recon_finding
