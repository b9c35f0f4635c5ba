package io.auditwarehouse.report.content;

import io.auditwarehouse.report.content.ReportContent.Completeness;
import io.auditwarehouse.report.content.ReportContent.ControlLine;
import io.auditwarehouse.report.content.ReportContent.ExceptionLine;
import io.auditwarehouse.report.content.ReportContent.FailureReports;
import io.auditwarehouse.report.content.ReportContent.QuarantineCount;
import io.auditwarehouse.report.content.ReportContent.Restatement;
import io.auditwarehouse.report.content.ReportContent.SampleItem;
import io.auditwarehouse.report.content.ReportContent.SourceCoverage;
import io.auditwarehouse.report.content.ReportContent.TrendPoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A hand-built month for the renderers: six controls, Korean job names and details, a few hundred exceptions by
 * default (several pages), failure reports, completeness, a sample and optional restatements. Deterministic: the
 * same arguments give the same content. Control totals agree with the exception and trend lists.
 */
public final class ReportContentFixture {

    public static final YearMonth MONTH = YearMonth.of(2026, 10);
    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
    public static final String KOREAN_JOB = "정산/일마감";
    public static final List<String> JOBS = List.of(KOREAN_JOB, "정산/월마감", "회계/전표-이관", "인사/급여계산", "batch/nightly-export");
    public static final List<String> CONTROLLERS = List.of("batch-a", "batch-b", "finance-jenkins");
    public static final long SEED = 20261031L;

    /** id, English name, Korean name, English test, Korean test. */
    private static final String[][] CONTROLS = {
            {"C1", "Approved execution", "승인된 실행", "Every manual run is approved, before it runs, for that job, within its window and count",
                    "모든 수동 실행은 실행 전에, 해당 잡에 대해, 승인된 기간과 횟수 안에서 승인되어야 한다"},
            {"C2", "Segregation of duties", "직무 분리", "No one approves their own request or executes their own change; only operators execute",
                    "누구도 자신의 요청을 승인하거나 자신의 변경을 실행하지 않으며 운영자만 실행한다"},
            {"C3", "Scheduled jobs registered", "스케줄 잡 등록", "Every scheduled run belongs to an approved job registration",
                    "모든 스케줄 실행은 승인된 잡 등록에 속해야 한다"},
            {"C4", "Change control", "변경 관리", "Job configuration changes and emergency toggles are approved or reviewed",
                    "잡 설정 변경과 긴급 활성화/비활성화는 승인 또는 검토되어야 한다"},
            {"C5", "Failure handling", "장애 처리", "Failed runs are reported and the report approved",
                    "실패한 실행은 보고되고 그 보고는 승인되어야 한다"},
            {"C6", "Evidence completeness", "증적 완전성", "The run population is complete and consistent across sources",
                    "실행 모집단이 완전하고 출처 간에 일관되어야 한다"},
    };
    /** control, reason code, severity, English reason, Korean reason. */
    private static final String[][] REASONS = {
            {"C1", "NO_APPROVAL_REFERENCE", "HIGH", "The run carries no approval number", "실행에 승인번호가 없음"},
            {"C1", "APPROVED_AFTER_RUN", "HIGH", "The approval was decided after the run started", "실행 시작 후에 승인됨"},
            {"C1", "OUTSIDE_APPROVAL_WINDOW", "MEDIUM", "The run started outside the approval's execution window", "승인된 실행 기간 밖에서 실행됨"},
            {"C2", "SELF_APPROVED", "HIGH", "The approver is the requester", "승인자가 요청자 본인임"},
            {"C2", "EXECUTOR_NOT_AUTHORIZED", "MEDIUM", "The executor holds no operator role at the time or is unknown",
                    "실행자에게 실행 시점의 운영자 권한이 없거나 실행자를 알 수 없음"},
            {"C4", "UNAPPROVED_CONFIG_CHANGE", "HIGH", "A job configuration was changed or deleted without a change approval in force",
                    "유효한 변경 승인 없이 잡 설정이 변경 또는 삭제됨"},
            {"C5", "FAILURE_NOT_REPORTED", "MEDIUM", "The failed run was not reported within the SLA", "실패한 실행이 기한 내에 보고되지 않음"},
            {"C6", "RUN_INCOMPLETE", "LOW", "No completion was seen for the run in time", "기한 내에 실행 완료가 확인되지 않음"},
    };
    private static final String[] ACTORS = {"kim.minsu", "lee.jiyoung", "park.junho", "choi.sora", "jenkins"};

    private ReportContentFixture() {
    }

    /** A Korean month with 240 exceptions and no restatements. */
    public static ReportContent korean() {
        return month("ko", 240, false);
    }

    public static ReportContent english() {
        return month("en", 240, false);
    }

    public static ReportContent month(String locale, int exceptionCount, boolean withRestatements) {
        boolean ko = locale.equals("ko");
        Random random = new Random(exceptionCount * 31L + (withRestatements ? 1 : 0));
        List<ExceptionLine> exceptions = new ArrayList<>();
        for (int i = 0; i < exceptionCount; i++) {
            String[] reason = REASONS[i % REASONS.length];
            LocalDate date = MONTH.atDay(1 + random.nextInt(MONTH.lengthOfMonth()));
            exceptions.add(line(reason, date, random, ko, i));
        }
        exceptions.sort((a, b) -> a.controlId().equals(b.controlId())
                ? a.businessDate().compareTo(b.businessDate()) : a.controlId().compareTo(b.controlId()));

        List<ExceptionLine> open = new ArrayList<>();
        String[] unapproved = {"C5", "FAILURE_REPORT_UNAPPROVED", "LOW", "The failure report was filed in time but is not approved",
                "장애 보고가 기한 내 제출되었으나 승인되지 않음"};
        for (int i = 0; i < 4; i++) open.add(line(unapproved, MONTH.atDay(3 + 6 * i), random, ko, 9000 + i));
        List<ExceptionLine> gaps = new ArrayList<>();
        String[] gap = {"C6", "BUILD_NUMBER_GAP", "MEDIUM", "A build number is missing between two runs of a job",
                "잡의 두 실행 사이에 빌드 번호가 누락됨"};
        for (int i = 0; i < 3; i++) gaps.add(line(gap, MONTH.atDay(5 + 9 * i), random, ko, 9100 + i));

        List<ControlLine> controls = new ArrayList<>();
        List<SampleItem> sample = new ArrayList<>();
        for (String[] c : CONTROLS) {
            String id = c[0];
            List<ExceptionLine> mine = exceptions.stream().filter(e -> e.controlId().equals(id)).toList();
            long population = id.equals("C3") ? 0 : 1000 + 137L * id.charAt(1);
            long high = mine.stream().filter(e -> e.severity().equals("HIGH")).count();
            long medium = mine.stream().filter(e -> e.severity().equals("MEDIUM")).count();
            long low = mine.stream().filter(e -> e.severity().equals("LOW")).count();
            long pending = population == 0 ? 0 : 3 + id.charAt(1) % 4;
            long exceptionRuns = mine.size();
            controls.add(new ControlLine(id, ko ? c[2] : c[1], ko ? c[4] : c[3], population,
                    population - exceptionRuns - pending, exceptionRuns, pending, high, medium, low, id.equals("C1") ? 2 : 0));
            int size = (int) Math.min(25, population);
            for (int k = 1; k <= size; k++) {
                boolean approval = id.equals("C1") && k % 5 == 0;
                String unit = approval ? "APR-2026-10-" + (100 + k) : CONTROLLERS.get(k % 3) + "/" + JOBS.get(k % JOBS.size()) + "#" + (400 + k);
                sample.add(new SampleItem(id, k, size, population, approval ? "APPROVAL" : "RUN", unit,
                        MONTH.atDay(1 + (k * 7) % 31), k % 9 == 0 ? "EXCEPTION" : approval ? "APPROVED" : "COMPLIANT",
                        k % 9 == 0 ? REASONS[k % REASONS.length][1] : null, "APR-2026-10-" + (100 + k),
                        sha256(SEED + ":" + id + ":" + unit)));
            }
        }

        List<TrendPoint> trend = new ArrayList<>();
        for (int day = 1; day <= MONTH.lengthOfMonth(); day++) {
            LocalDate date = MONTH.atDay(day);
            for (String[] c : CONTROLS) {
                long count = exceptions.stream().filter(e -> e.controlId().equals(c[0]) && e.businessDate().equals(date)).count();
                trend.add(new TrendPoint(date, c[0], 40 + day % 7, count));
            }
        }

        Completeness completeness = new Completeness(List.of(
                new SourceCoverage("batch-a", 2310, 2290, 12, 8),
                new SourceCoverage("batch-b", 1875, 1875, 0, 0),
                new SourceCoverage("finance-jenkins", 944, 930, 9, 5)),
                gaps.size(), gaps, List.of(
                new QuarantineCount("builds", 7, ko ? "JSON이 아닌 줄 (잘린 문서)" : "not JSON (truncated document)"),
                new QuarantineCount("audit/batch-a", 2, ko ? "타임스탬프를 읽을 수 없음" : "unreadable timestamp")));

        List<Restatement> restatements = withRestatements ? List.of(
                new Restatement("ADDED", "f-0001", "C1", "NO_APPROVAL_REFERENCE", MONTH.atDay(12),
                        "batch-a/" + KOREAN_JOB + "#1207", null, ko ? "예외 (늦게 도착한 로그)" : "exception (late logs)"),
                new Restatement("REMOVED", "f-0002", "C1", "APPROVED_AFTER_RUN", MONTH.atDay(14),
                        "batch-b/정산/월마감#88", ko ? "예외" : "exception", null),
                new Restatement("CHANGED", "f-0003", "C5", "FAILURE_NOT_REPORTED", MONTH.atDay(20),
                        "finance-jenkins/인사/급여계산#310", "MEDIUM", "LOW"))
                : List.of();

        return new ReportContent(MONTH, locale, ZONE, Instant.parse("2026-11-01T00:30:00Z"), "0.1.0-fixture", CONTROLLERS,
                "3f1c9a5e7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e",
                "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d",
                SEED, "--seed", controls, trend, exceptions,
                new FailureReports(42, 31, open.size(), 5, 2, open), completeness, sample, restatements);
    }

    /** Exceptions per control, as the summary prints them. */
    public static Map<String, Long> exceptionsByControl(ReportContent content) {
        Map<String, Long> counts = new TreeMap<>();
        content.exceptions().forEach(e -> counts.merge(e.controlId(), 1L, Long::sum));
        return counts;
    }

    private static ExceptionLine line(String[] reason, LocalDate date, Random random, boolean ko, int i) {
        String control = reason[0];
        String controlName = ko ? name(control)[2] : name(control)[1];
        String job = JOBS.get(i % JOBS.size());
        String controller = CONTROLLERS.get(i % CONTROLLERS.size());
        int build = 1000 + i;
        String actor = ACTORS[random.nextInt(ACTORS.length)];
        String approval = reason[1].equals("NO_APPROVAL_REFERENCE") ? null : "APR-2026-10-" + (100 + i % 300);
        Instant occurred = date.atTime(1 + random.nextInt(22), random.nextInt(60), random.nextInt(60)).atZone(ZONE).toInstant();
        String detail = ko
                ? actor + " 님이 " + controller + "의 " + job + " #" + build + "을(를) " + (approval == null ? "승인번호 없이" : "승인 " + approval + "(으)로")
                  + " 수동 실행했습니다. 실행 로그와 승인 기록을 대조한 결과 통제 기준을 충족하지 못했습니다."
                : actor + " started " + job + " #" + build + " on " + controller + (approval == null ? " with no approval number" : " under approval " + approval)
                  + "; the run does not meet the control when the execution log is compared with the approval record.";
        return new ExceptionLine(control, controlName, reason[1], ko ? reason[4] : reason[3], reason[2], date, controller, job,
                build, approval, actor, occurred, detail, "f-" + control + "-" + i);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] name(String control) {
        for (String[] c : CONTROLS) if (c[0].equals(control)) return c;
        throw new IllegalArgumentException(control);
    }
}
