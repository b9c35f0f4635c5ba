-- The run a finding is about, with the source document ids it was read from (lineage): controller, job, build
SELECT business_date, controller, job_name, build_number, started_at, result, trigger_type, executor, approval_no,
       control_status, reason_codes, evidence_sources, source_doc_ids, batch_id
FROM recon_run WHERE controller = ? AND job_name = ? AND build_number = ?
ORDER BY business_date
