-- recon_finding_status (issue 12): each finding's current disposition, derived from the append-only review history.
-- The same rules as FindingStatuses in the code (docs/reconciliation-rules.md, "Finding reviews"):
--   ACKNOWLEDGED, REMEDIATED and FALSE_POSITIVE count when recorded; RISK_ACCEPTED counts once an APPROVED by a
--   different reviewer names it (until then pending_disposition says RISK_ACCEPTED); the latest counting review by
--   reviewed_at (then the order recorded) gives the disposition; OPEN without one; WITHDRAWN for a reviewed finding
--   that recon_finding no longer holds (a restatement removed it).

CREATE OR REPLACE VIEW recon_finding_status AS
WITH approved AS (
    SELECT ra.review_id,
           (SELECT ap.reviewer FROM recon_finding_review ap
             WHERE ap.disposition = 'APPROVED' AND ap.approves_review_id = ra.review_id AND ap.reviewer <> ra.reviewer
             ORDER BY ap.appended_seq LIMIT 1) AS approved_by
    FROM recon_finding_review ra
    WHERE ra.disposition = 'RISK_ACCEPTED'
),
ranked AS (
    SELECT r.finding_id, r.review_id, r.disposition, r.reference, r.reviewer, r.reviewed_at, r.appended_seq, a.approved_by,
           CASE WHEN r.disposition <> 'RISK_ACCEPTED' OR a.approved_by IS NOT NULL THEN 1 ELSE 0 END AS counts,
           ROW_NUMBER() OVER (PARTITION BY r.finding_id ORDER BY r.reviewed_at DESC, r.appended_seq DESC) AS newest
    FROM recon_finding_review r
    LEFT JOIN approved a ON a.review_id = r.review_id
    WHERE r.disposition <> 'APPROVED'
),
counted AS (
    SELECT ranked.*, ROW_NUMBER() OVER (PARTITION BY finding_id ORDER BY reviewed_at DESC, appended_seq DESC) AS latest
    FROM ranked
    WHERE counts = 1
),
ids AS (
    SELECT finding_id FROM recon_finding
    UNION
    SELECT finding_id FROM ranked
)
SELECT i.finding_id,
       CASE WHEN f.finding_id IS NULL THEN 'WITHDRAWN' WHEN c.disposition IS NULL THEN 'OPEN' ELSE c.disposition END AS disposition,
       c.reference, c.reviewer, c.reviewed_at, c.approved_by, c.review_id,
       CASE WHEN p.review_id IS NULL THEN NULL ELSE 'RISK_ACCEPTED' END AS pending_disposition,
       p.review_id AS pending_review_id
FROM ids i
LEFT JOIN recon_finding f ON f.finding_id = i.finding_id
LEFT JOIN counted c ON c.finding_id = i.finding_id AND c.latest = 1
LEFT JOIN ranked p ON p.finding_id = i.finding_id AND p.newest = 1 AND p.counts = 0;
