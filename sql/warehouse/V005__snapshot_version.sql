-- The snapshot a batch committed. The embedded warehouse records its version here; MySQL keeps only the current
-- rows, so its batches leave it NULL (the column exists so that both warehouses' ledgers have the same columns).

ALTER TABLE recon_batch ADD COLUMN snapshot_version BIGINT NULL;
