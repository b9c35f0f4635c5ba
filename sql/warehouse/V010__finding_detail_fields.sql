-- The fields a finding's detail line is made of (a JSON object), so the evidence package can print the detail in its
-- own language from schemas/finding-details.csv; detail keeps the English line for SQL users. NULL for findings
-- published before this column: the package prints their English detail until a re-run fills it.

ALTER TABLE recon_finding ADD COLUMN detail_fields TEXT NULL AFTER detail;
ALTER TABLE stg_recon_finding ADD COLUMN detail_fields TEXT NULL AFTER detail;
