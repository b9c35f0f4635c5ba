-- The daily trend of one month: population and exceptions per business date, all controls
SELECT business_date, sum(population) AS population, sum(exceptions) AS exceptions, sum(pending) AS pending
FROM recon_daily_summary WHERE business_date BETWEEN ? AND ?
GROUP BY business_date ORDER BY business_date
