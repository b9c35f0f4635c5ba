-- The job's writer account (warehouse.user): publishes batches and runs `audit-warehouse migrate`.
-- Replace {schema} with warehouse.schema and {writer} with the account before running as an administrator;
-- create the account first (CREATE USER '{writer}'@'%' IDENTIFIED BY '...'), its password kept out of this file.
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, CREATE VIEW, SHOW VIEW ON `{schema}`.* TO '{writer}'@'%';
