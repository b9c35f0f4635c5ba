DELETE FROM app_user
