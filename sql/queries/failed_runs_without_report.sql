-- Failed runs without a timely failure report, between two business dates: bind ? to the first and ? to the last date.
SELECT * FROM v_failed_runs_without_report WHERE business_date BETWEEN ? AND ? ORDER BY business_date, controller, job_name, build_number;
