-- A finding's review history (issue 12's append-only recon_finding_review), oldest first
SELECT review_id, disposition, reference, comment, reviewer, reviewed_at, approves_review_id
FROM recon_finding_review WHERE finding_id = ?
ORDER BY reviewed_at, review_id
