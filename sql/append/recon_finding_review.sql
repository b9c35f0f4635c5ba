-- The append-only review history (MySqlAppendLog): one row's INSERT, then every row in append order.
INSERT INTO recon_finding_review (review_id, finding_id, disposition, reference, comment, reviewer, reviewed_at, approves_review_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?);
SELECT review_id, finding_id, disposition, reference, comment, reviewer, reviewed_at, approves_review_id
FROM recon_finding_review
ORDER BY appended_seq;
