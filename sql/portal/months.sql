-- The months the warehouse holds findings or runs for (first day of each), newest first
SELECT DISTINCT date_trunc('month', business_date) AS month FROM recon_daily_summary ORDER BY month DESC
