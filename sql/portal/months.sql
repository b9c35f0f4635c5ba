-- The business dates the warehouse holds a summary for, newest first (the Summary page groups them into months)
SELECT DISTINCT business_date FROM recon_daily_summary ORDER BY business_date DESC
