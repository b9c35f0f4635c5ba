package io.auditwarehouse.notify;

import io.auditwarehouse.model.ControlCatalog;
import io.auditwarehouse.model.ReasonCode;
import io.auditwarehouse.model.Severity;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The words of the chat messages, in report.locale (ko or en); control and reason names come from the catalog. */
final class AlertTexts {

    static final int LINES = 10;
    /** Characters of a finding line before its id. */
    static final int LINE_TEXT = 110;

    private final boolean korean;
    private final ControlCatalog catalog = ControlCatalog.shipped();

    AlertTexts(String locale) {
        this.korean = "ko".equals(locale);
    }

    private String title() {
        return korean ? "[감사 증적 웨어하우스] " : "[Audit Evidence Warehouse] ";
    }

    /** Count by control, then up to {@link #LINES} findings (most severe, oldest first), then how many more. */
    String findings(List<PendingFinding> findings, Severity min) {
        StringBuilder text = new StringBuilder(title());
        text.append(korean ? "새 지적사항 " + findings.size() + "건 (" + min + " 이상)"
                : findings.size() + " new finding" + (findings.size() == 1 ? "" : "s") + " (" + min + " or above)");
        Map<String, Long> byControl = findings.stream().collect(Collectors.groupingBy(PendingFinding::controlId, TreeMap::new, Collectors.counting()));
        byControl.forEach((control, n) -> text.append('\n').append(control).append(' ').append(controlName(control)).append(": ")
                .append(korean ? n + "건" : n));
        List<PendingFinding> ordered = findings.stream().sorted(Comparator
                .comparing((PendingFinding f) -> Severity.valueOf(f.severity()))
                .thenComparing(PendingFinding::businessDate).thenComparing(PendingFinding::controlId)
                .thenComparing(PendingFinding::findingId)).toList();
        for (PendingFinding f : ordered.subList(0, Math.min(LINES, ordered.size()))) text.append('\n').append(line(f));
        int rest = ordered.size() - LINES;
        if (rest > 0) {
            text.append('\n').append(korean ? "… 외 " + rest + "건은 recon_finding 테이블에 있습니다"
                    : "… and " + rest + " more in the recon_finding table");
        }
        return text.toString();
    }

    private String line(PendingFinding f) {
        String subject = f.jobName() == null ? "" : " " + (f.controller() == null ? "" : f.controller() + "/") + f.jobName()
                + (f.buildNumber() == null ? "" : " #" + f.buildNumber());
        String text = "- " + f.businessDate() + " " + f.controlId() + " " + f.severity() + subject + ": " + reason(f.reasonCode());
        // a long job path must not push the message past what a bot takes (NAVER WORKS: 2,000 characters of text)
        if (text.length() > LINE_TEXT) text = text.substring(0, LINE_TEXT - 1) + "…";
        return text + " (" + f.findingId() + ")";
    }

    String batchFailed(String kind, LocalDate from, LocalDate to, int exitCode, String reason) {
        return title() + failureBody(kind, from, to, exitCode, reason);
    }

    /** A failed batch without the title: what is kept for a target that did not take it. */
    String failureBody(String kind, LocalDate from, LocalDate to, int exitCode, String reason) {
        String dates = from == null ? "" : " " + (from.equals(to) ? from.toString() : from + " .. " + to);
        return korean ? "배치 실패: " + kind + dates + ", 종료 코드 " + exitCode + ": " + reason
                : "batch failed: " + kind + dates + ", exit code " + exitCode + ": " + reason;
    }

    /** A kept alert, delivered on a later run: says when it could not be. */
    String late(String body, Instant failedAt) {
        return title() + (korean ? "지연 전달 (" + failedAt + "에 전달하지 못한 알림)\n" : "delivered late (could not be delivered at " + failedAt + ")\n") + body;
    }

    String packageIssued(YearMonth month, String manifestSha256, Path dir) {
        return title() + (korean ? month + " 증적 패키지 발행" : "evidence package " + month + " issued")
                + "\nSHA-256 (manifest.json): " + manifestSha256
                + "\n" + (korean ? "위치: " : "at: ") + dir.toAbsolutePath().normalize();
    }

    private String controlName(String controlId) {
        return catalog.entries().stream().filter(e -> e.controlId().equals(controlId)).findFirst()
                .map(e -> korean ? e.controlNameKo() : e.controlNameEn()).orElse("");
    }

    private String reason(String code) {
        try {
            ReasonCode rc = ReasonCode.valueOf(code);
            return catalog.entries().stream().filter(e -> e.reasonCode() == rc).findFirst()
                    .map(e -> korean ? e.reasonKo() : e.reasonEn()).orElse(code);
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
