INSERT INTO app_user (user_id, display_name, department, role, active_from, active_to) VALUES (?, ?, ?, ?, ?, ?)
