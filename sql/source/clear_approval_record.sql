DELETE FROM approval_record
