package io.auditwarehouse.digest;

import io.auditwarehouse.model.FindingStatus;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The digest's ageing section (issue 12): HIGH findings still OPEN (recon_finding_status) once {@code review.sla} working
 * days have passed after their business date. Working days are Monday to Friday in the business zone (no holiday
 * calendar); the SLA runs out at the end of the last of them: a finding of Thursday 2026-10-01 with the default 5 is
 * listed from Friday 2026-10-09 on. Pure: no I/O.
 */
public final class AgeingFindings {

    /** One finding of the section; {@code workingDays} have passed since its business date. */
    public record Ageing(String findingId, String controlId, String reasonCode, LocalDate businessDate, String controller,
                         String jobName, Integer buildNumber, String approvalNo, long workingDays) {
    }

    /** A HIGH finding as the warehouse has it. */
    public record HighFinding(String findingId, String controlId, String reasonCode, LocalDate businessDate, String controller,
                              String jobName, Integer buildNumber, String approvalNo) {
    }

    private AgeingFindings() {
    }

    /** Oldest first, then by finding id. */
    public static List<Ageing> of(List<HighFinding> high, Map<String, FindingStatus> statuses, Instant asOf, ZoneId zone, int slaWorkingDays) {
        LocalDate today = asOf.atZone(zone).toLocalDate();
        List<Ageing> out = new ArrayList<>();
        for (HighFinding f : high) {
            FindingStatus s = statuses.get(f.findingId());
            if (s != null && !s.isOpen()) continue;
            long days = workingDaysAfter(f.businessDate(), today);
            if (days > slaWorkingDays) {
                out.add(new Ageing(f.findingId(), f.controlId(), f.reasonCode(), f.businessDate(), f.controller(), f.jobName(),
                        f.buildNumber(), f.approvalNo(), days));
            }
        }
        out.sort(Comparator.comparing(Ageing::businessDate).thenComparing(Ageing::findingId));
        return out;
    }

    /** Mondays to Fridays after {@code from}, up to and including {@code to}. */
    static long workingDaysAfter(LocalDate from, LocalDate to) {
        long n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) n++;
        }
        return n;
    }
}
