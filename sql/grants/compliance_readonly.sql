-- The read-only role of compliance staff: every table and view of the warehouse, no writes.
-- Replace {schema} with warehouse.schema, run as an administrator, then GRANT compliance_readonly TO each person
-- (they enable it with SET ROLE compliance_readonly, or an administrator makes it their default role).
CREATE ROLE IF NOT EXISTS compliance_readonly;
GRANT SELECT, SHOW VIEW ON `{schema}`.* TO compliance_readonly;
