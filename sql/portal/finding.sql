-- One finding by its id, with its current disposition
SELECT f.*, s.disposition, s.reference AS disposition_reference, s.reviewer AS disposition_reviewer, s.approved_by
FROM recon_finding f LEFT JOIN recon_finding_status s ON s.finding_id = f.finding_id
WHERE f.finding_id = ?
