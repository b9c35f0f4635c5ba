-- One finding by its id
SELECT * FROM recon_finding WHERE finding_id = ?
