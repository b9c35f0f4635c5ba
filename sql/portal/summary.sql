-- The control summary of one month (first and last business date): population, outcomes and findings per control
SELECT s.control_id, c.control_name_en, c.control_name_ko, sum(s.population) AS population, sum(s.compliant) AS compliant,
       sum(s.exceptions) AS exceptions, sum(s.pending) AS pending, sum(s.findings_high) AS high,
       sum(s.findings_medium) AS medium, sum(s.findings_low) AS low, sum(s.findings_info) AS info
FROM recon_daily_summary s
LEFT JOIN (SELECT DISTINCT control_id, control_name_en, control_name_ko FROM control_catalog) c ON c.control_id = s.control_id
WHERE s.business_date BETWEEN ? AND ?
GROUP BY s.control_id, c.control_name_en, c.control_name_ko
ORDER BY s.control_id
