-- The values a Findings filter offers: column, value
SELECT DISTINCT 'control_id' AS col, control_id AS val FROM recon_finding
UNION SELECT DISTINCT 'severity', severity FROM recon_finding
UNION SELECT DISTINCT 'reason_code', reason_code FROM recon_finding
UNION SELECT DISTINCT 'controller', controller FROM recon_finding
UNION SELECT DISTINCT 'disposition', disposition FROM recon_finding_status
ORDER BY col, val
