-- Example: an organisation whose approval system keeps requests and decisions in two tables exposes the
-- contract as a view, and points sources.approvals.table at it.
CREATE OR REPLACE VIEW approval_record AS
SELECT r.req_no              AS approval_no,
       r.req_kind            AS request_type,
       r.jenkins_instance    AS controller,
       r.jenkins_job         AS job_name,
       r.build_no            AS build_number,
       r.requested_by        AS requester_id,
       d.decided_by          AS approver_id,
       COALESCE(d.outcome, 'REQUESTED') AS status,
       r.created_at          AS requested_at,
       d.decided_at          AS decided_at,
       r.window_start        AS valid_from,
       r.window_end          AS valid_to,
       r.run_limit           AS max_runs,
       r.justification       AS reason,
       GREATEST(r.modified_at, COALESCE(d.modified_at, r.modified_at)) AS updated_at
FROM change_request r
LEFT JOIN change_decision d ON d.req_no = r.req_no
