-- The role of compliance reviewers in MySQL: INSERT into the review history (recon_finding_review) and nothing else,
-- so no review can be changed or removed, and no other table written. Grant it beside compliance_readonly to people
-- who run `review` against the MySQL warehouse (it reads the findings and the history with that role's SELECT).
-- Replace {schema} with warehouse.schema, run as an administrator, then GRANT compliance_reviewer TO each reviewer.
CREATE ROLE IF NOT EXISTS compliance_reviewer;
GRANT INSERT ON `{schema}`.`recon_finding_review` TO compliance_reviewer;
