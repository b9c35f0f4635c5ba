-- The evidence portal's access log (MySqlAppendLog): one row's INSERT, then every row in append order.
INSERT INTO portal_access (access_id, accessed_at, user_name, role, action, file, sha256, client_address, user_agent, detail)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
SELECT access_id, accessed_at, user_name, role, action, file, sha256, client_address, user_agent, detail
FROM portal_access
ORDER BY appended_seq;
