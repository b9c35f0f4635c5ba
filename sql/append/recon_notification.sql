-- The chat notification ledger (MySqlAppendLog): one row's INSERT, then every row in append order.
INSERT INTO recon_notification (notice_id, target, subject, kind, batch_id, sent_at)
VALUES (?, ?, ?, ?, ?, ?);
SELECT notice_id, target, subject, kind, batch_id, sent_at
FROM recon_notification
ORDER BY appended_seq;
