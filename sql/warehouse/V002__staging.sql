-- Where a batch writes its rows before publishing them in one transaction: the published columns plus the batch.
-- No primary key: a batch's rows are only ever selected and deleted by stage_batch_id.

CREATE TABLE IF NOT EXISTS stg_recon_run LIKE recon_run;
ALTER TABLE stg_recon_run DROP PRIMARY KEY, ADD COLUMN stage_batch_id VARCHAR(64) NOT NULL, ADD KEY stg_recon_run_batch (stage_batch_id);

CREATE TABLE IF NOT EXISTS stg_recon_finding LIKE recon_finding;
ALTER TABLE stg_recon_finding DROP PRIMARY KEY, ADD COLUMN stage_batch_id VARCHAR(64) NOT NULL, ADD KEY stg_recon_finding_batch (stage_batch_id);

CREATE TABLE IF NOT EXISTS stg_recon_approval LIKE recon_approval;
ALTER TABLE stg_recon_approval DROP PRIMARY KEY, ADD COLUMN stage_batch_id VARCHAR(64) NOT NULL, ADD KEY stg_recon_approval_batch (stage_batch_id);

CREATE TABLE IF NOT EXISTS stg_recon_daily_summary LIKE recon_daily_summary;
ALTER TABLE stg_recon_daily_summary DROP PRIMARY KEY, ADD COLUMN stage_batch_id VARCHAR(64) NOT NULL, ADD KEY stg_recon_daily_summary_batch (stage_batch_id);

CREATE TABLE IF NOT EXISTS stg_control_catalog LIKE control_catalog;
ALTER TABLE stg_control_catalog DROP PRIMARY KEY, ADD COLUMN stage_batch_id VARCHAR(64) NOT NULL, ADD KEY stg_control_catalog_batch (stage_batch_id);

CREATE TABLE IF NOT EXISTS stg_recon_quarantine LIKE recon_quarantine;
ALTER TABLE stg_recon_quarantine DROP PRIMARY KEY, ADD COLUMN stage_batch_id VARCHAR(64) NOT NULL, ADD KEY stg_recon_quarantine_batch (stage_batch_id);
