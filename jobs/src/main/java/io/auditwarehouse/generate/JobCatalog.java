package io.auditwarehouse.generate;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** Invents unique, realistic job names per controller and creates jobs on demand. */
final class JobCatalog {

    private static final String[] FOLDERS = {
            "payments", "settlement", "risk", "ledger", "reporting", "card", "batch-common", "treasury",
            "정산", "리스크", "회계", "payments/van", "risk/aml", "reporting/regulatory", "정산/가맹점"};
    private static final String[] LEAVES = {
            "settle-daily", "recon-van", "export-gl", "fee-calc", "close-day", "limit-refresh", "fx-rates",
            "aml-screening", "report-fss", "archive-logs", "sync-merchants", "chargeback-import", "interest-accrual",
            "balance-snapshot", "pg-recon", "card-billing", "npl-score", "stress-test", "vat-report", "kpi-load",
            "일일마감", "월말정산", "수수료계산", "원장대사", "가맹점정산", "한도갱신", "이자계산", "환율수신",
            "대사보고", "매출집계"};
    private static final String[] SUFFIXES = {"", "-v2", "-kr", "-batch", "-retry", "-eod", "-hourly", "-sync"};

    private final List<String> controllers;
    private final Random rng;
    private final List<TreeSet<String>> used = new ArrayList<>();
    final List<JobSpec> jobs = new ArrayList<>();
    private int next;

    JobCatalog(List<String> controllers, Random rng) {
        this.controllers = controllers;
        this.rng = rng;
        for (int i = 0; i < controllers.size(); i++) used.add(new TreeSet<>());
    }

    /** A new job on the next controller in turn (DOWNSTREAM jobs stay on their upstream's controller). */
    JobSpec create(JobSpec.Kind kind, JobSpec upstream) {
        int c = upstream != null ? controllers.indexOf(upstream.controller) : next++ % controllers.size();
        String name = uniqueName(c);
        List<LocalTime> cron = kind == JobSpec.Kind.TIMER ? cronTimes() : List.of();
        boolean weekdays = kind == JobSpec.Kind.TIMER && rng.nextInt(100) < 30;
        long typical = (long) (30_000 * Math.exp(rng.nextDouble() * 3.6));
        JobSpec job = new JobSpec(controllers.get(c), name, kind, cron, weekdays, upstream, typical,
                kind == JobSpec.Kind.MANUAL && rng.nextInt(100) < 40);
        if (upstream != null) upstream.downstream.add(job);
        jobs.add(job);
        return job;
    }

    private String uniqueName(int controller) {
        for (int attempt = 0; ; attempt++) {
            String folder = FOLDERS[rng.nextInt(FOLDERS.length)];
            String leaf = LEAVES[rng.nextInt(LEAVES.length)];
            String suffix = attempt < 20 ? SUFFIXES[rng.nextInt(SUFFIXES.length)] : "-" + (attempt + rng.nextInt(90));
            String name = folder + "/" + leaf + suffix;
            if (used.get(controller).add(name)) return name;
        }
    }

    /** Night batches mostly, a few daytime ones; minutes spread like Jenkins' {@code H}. */
    private List<LocalTime> cronTimes() {
        int perDay = 1 + (rng.nextInt(100) < 55 ? 0 : rng.nextInt(100) < 70 ? 1 : 2);
        TreeSet<LocalTime> times = new TreeSet<>();
        while (times.size() < perDay) {
            int hour = rng.nextInt(100) < 65 ? rng.nextInt(7) : 7 + rng.nextInt(16);
            times.add(LocalTime.of(hour, rng.nextInt(60)));
        }
        return List.copyOf(times);
    }
}
