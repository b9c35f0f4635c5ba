INSERT INTO approval_record (approval_no, request_type, controller, job_name, build_number, requester_id, approver_id,
  status, requested_at, decided_at, valid_from, valid_to, max_runs, reason, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
