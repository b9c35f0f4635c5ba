-- All runs under one approval number: bind ? to the approval number (e.g. CHG-2026-0042).
SELECT * FROM v_runs_by_approval WHERE approval_no = ? ORDER BY started_at, controller, job_name, build_number;
