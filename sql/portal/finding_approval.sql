-- The approval a finding's run ran under, per business date it was used
SELECT business_date, approval_no, request_type, status, requester_id, approver_id, decided_at, valid_from, valid_to,
       max_runs, runs_covered
FROM recon_approval WHERE approval_no = ?
ORDER BY business_date
