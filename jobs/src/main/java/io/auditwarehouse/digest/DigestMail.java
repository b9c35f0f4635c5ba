package io.auditwarehouse.digest;

import io.auditwarehouse.config.MailSettings;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * The digest as a mail: multipart/alternative with a plain-text part and an HTML part saying the same thing, both
 * UTF-8, and a subject that is RFC 2047-encoded when it is not plain ASCII (Korean labels, names, job folders).
 */
public final class DigestMail {

    public static final String CHARSET = StandardCharsets.UTF_8.name();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int REASON_MAX = 200;

    private final DigestContent content;
    private final DigestLabels labels;
    private final String softwareVersion;

    public DigestMail(DigestContent content, DigestLabels labels, String softwareVersion) {
        this.content = content;
        this.labels = labels;
        this.softwareVersion = softwareVersion;
    }

    public DigestContent content() {
        return content;
    }

    public String subject() {
        if (content.reportCount() == 0) {
            return labels.count("subject.ageing", content.ageing().size(), content.reviewSla(), content.slot().label(content.zone()));
        }
        return labels.count("subject", content.reportCount(), content.slot().label(content.zone()));
    }

    // ---------------------------------------------------------------- plain text

    public String text() {
        StringBuilder t = new StringBuilder();
        t.append(intro()).append('\n').append(labels.get("grouped." + content.groupBy())).append('\n');
        if (!content.usersKnown()) t.append(labels.get("users.absent")).append('\n');
        for (DigestContent.Group g : content.groups()) {
            t.append('\n').append(heading(g)).append(" \u2014 ").append(labels.count("group.count", g.reports().size())).append('\n');
            for (PendingReport r : g.reports()) {
                t.append("  ").append(orDash(r.approvalNo())).append("  ").append(labels.get("col.age")).append(' ').append(age(r))
                        .append("  ").append(orDash(r.controller())).append("  ").append(job(r)).append('\n');
                t.append("      ").append(labels.get("col.requester")).append(": ").append(person(r.requesterId(), r.requesterName()))
                        .append("; ").append(labels.get("col.requested")).append(": ").append(time(r.requestedAt()));
                if (byDepartment()) t.append("; ").append(labels.get("col.approver")).append(": ").append(person(r.approverId(), r.approverName()));
                String reason = reason(r);
                if (!reason.isEmpty()) t.append("; ").append(labels.get("col.reason")).append(": ").append(reason);
                t.append('\n');
            }
        }
        if (!content.ageing().isEmpty()) {
            t.append('\n').append(ageingTitle()).append('\n');
            for (AgeingFindings.Ageing a : content.ageing()) {
                t.append("  ").append(a.controlId()).append("  ").append(a.reasonCode()).append("  ").append(a.businessDate())
                        .append("  ").append(labels.get("ageing.days", a.workingDays())).append("  ").append(orDash(a.controller()))
                        .append("  ").append(subject(a)).append('\n');
                t.append("      ").append(labels.get("col.finding")).append(": ").append(a.findingId()).append('\n');
            }
        }
        t.append('\n').append("-- \n").append(footer()).append('\n');
        return t.toString();
    }

    // ---------------------------------------------------------------- HTML

    public String html() {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"").append(labels.locale()).append("\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(escape(subject())).append("</title>\n</head>\n")
                .append("<body style=\"font-family: 'Malgun Gothic', 'Apple SD Gothic Neo', 'Noto Sans KR', Arial, sans-serif; font-size: 14px; color: #222;\">\n");
        h.append("<p>").append(escape(intro())).append("<br>\n").append(escape(labels.get("grouped." + content.groupBy()))).append("</p>\n");
        if (!content.usersKnown()) h.append("<p><em>").append(escape(labels.get("users.absent"))).append("</em></p>\n");
        List<String> columns = byDepartment()
                ? List.of("col.approval", "col.age", "col.controller", "col.job", "col.build", "col.requester", "col.requested", "col.approver", "col.reason")
                : List.of("col.approval", "col.age", "col.controller", "col.job", "col.build", "col.requester", "col.requested", "col.reason");
        for (DigestContent.Group g : content.groups()) {
            h.append("<h3 style=\"margin: 20px 0 6px 0;\">").append(escape(heading(g))).append(" &mdash; ")
                    .append(escape(labels.count("group.count", g.reports().size()))).append("</h3>\n");
            h.append("<table cellpadding=\"5\" cellspacing=\"0\" border=\"1\" style=\"border-collapse: collapse; border-color: #ccc;\">\n<thead><tr style=\"background: #f0f0f0;\">");
            for (String c : columns) h.append("<th align=\"left\">").append(escape(labels.get(c))).append("</th>");
            h.append("</tr></thead>\n<tbody>\n");
            for (PendingReport r : g.reports()) {
                h.append("<tr>");
                cell(h, orDash(r.approvalNo()));
                h.append("<td align=\"right\" style=\"white-space: nowrap;\">").append(escape(age(r))).append("</td>");
                cell(h, orDash(r.controller()));
                cell(h, orDash(r.jobName()));
                h.append("<td align=\"right\">").append(r.buildNumber() == null ? "-" : "#" + r.buildNumber()).append("</td>");
                cell(h, person(r.requesterId(), r.requesterName()));
                h.append("<td style=\"white-space: nowrap;\">").append(escape(time(r.requestedAt()))).append("</td>");
                if (byDepartment()) cell(h, person(r.approverId(), r.approverName()));
                cell(h, reason(r));
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        if (!content.ageing().isEmpty()) {
            h.append("<h3 style=\"margin: 20px 0 6px 0;\">").append(escape(ageingTitle())).append("</h3>\n");
            h.append("<table cellpadding=\"5\" cellspacing=\"0\" border=\"1\" style=\"border-collapse: collapse; border-color: #ccc;\">\n<thead><tr style=\"background: #f0f0f0;\">");
            for (String c : List.of("col.control", "col.reason_code", "col.date", "col.working_days", "col.controller", "col.job", "col.finding")) {
                h.append("<th align=\"left\">").append(escape(labels.get(c))).append("</th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
            for (AgeingFindings.Ageing a : content.ageing()) {
                h.append("<tr>");
                cell(h, a.controlId());
                cell(h, a.reasonCode());
                cell(h, a.businessDate().toString());
                h.append("<td align=\"right\">").append(a.workingDays()).append("</td>");
                cell(h, orDash(a.controller()));
                cell(h, subject(a));
                cell(h, a.findingId());
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("<p style=\"margin-top: 24px; color: #666; font-size: 12px;\">").append(escape(footer())).append("</p>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void cell(StringBuilder h, String text) {
        h.append("<td>").append(escape(text)).append("</td>");
    }

    /** Text into HTML element content or a quoted attribute: the five characters that can change its meaning. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- the message

    /**
     * The MIME message: From, To, Date, an encoded Subject, {@code Auto-Submitted: auto-generated} (RFC 3834, so
     * out-of-office replies stay away) and the slot in {@code X-Audit-Warehouse-Slot}.
     */
    public MimeMessage toMessage(Session session, String from, List<String> to, Instant sentAt) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(address(from));
        m.setRecipients(Message.RecipientType.TO, to.stream().map(DigestMail::address).toArray(InternetAddress[]::new));
        m.setSubject(subject(), CHARSET);
        m.setSentDate(Date.from(sentAt));
        m.setHeader("Auto-Submitted", "auto-generated");
        m.setHeader("X-Audit-Warehouse-Slot", content.slot().toString());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(text(), CHARSET, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(), CHARSET, "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);  // the last part is the preferred one: HTML where it can be shown
        alternative.addBodyPart(html);
        m.setContent(alternative);
        m.saveChanges();
        return m;
    }

    /** A configured address, its display name (possibly Korean) encoded as UTF-8. */
    static InternetAddress address(String text) {
        try {
            InternetAddress parsed = new InternetAddress(text, true);
            return parsed.getPersonal() == null ? parsed : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), CHARSET);
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("not a mail address: " + text, e); // validated at start: not expected
        }
    }

    /** SHA-256 of the plain-text part: the ledger's record of what was sent. */
    public String textSha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- shared wording

    private boolean byDepartment() {
        return MailSettings.BY_DEPARTMENT.equals(content.groupBy());
    }

    private String intro() {
        return labels.count("intro", content.reportCount(), time(content.asOf()), content.zone().getId());
    }

    private String footer() {
        return labels.get("footer", softwareVersion, content.slot().label(content.zone()), content.zone().getId());
    }

    private String heading(DigestContent.Group g) {
        return switch (g.heading()) {
            case NO_APPROVER -> labels.get("group.no_approver");
            case NO_DEPARTMENT -> labels.get("group.no_department");
            case NAMED -> g.id() == null || g.id().equals(g.name()) ? g.name() : g.name() + " (" + g.id() + ")";
        };
    }

    private String age(PendingReport r) {
        return r.age() == null ? labels.get("age.unknown") : labels.get("age", r.ageDays(), r.ageHours());
    }

    private String ageingTitle() {
        return labels.count("ageing.title", content.ageing().size(), content.reviewSla());
    }

    /** The finding's run (job #build), else its approval or job. */
    private static String subject(AgeingFindings.Ageing a) {
        if (a.buildNumber() != null) return orDash(a.jobName()) + " #" + a.buildNumber();
        return a.approvalNo() != null ? a.approvalNo() : orDash(a.jobName());
    }

    private static String job(PendingReport r) {
        return orDash(r.jobName()) + (r.buildNumber() == null ? "" : " #" + r.buildNumber());
    }

    private static String person(String id, String name) {
        if (id == null) return "-";
        return name == null || name.equals(id) ? id : name + " (" + id + ")";
    }

    private String time(Instant t) {
        return t == null ? "-" : LOCAL.format(t.atZone(content.zone()));
    }

    /** Free text on one line, at most {@value #REASON_MAX} characters (whole code points). */
    private static String reason(PendingReport r) {
        if (r.reason() == null) return "";
        String s = r.reason().replaceAll("\\s+", " ").trim();
        if (s.codePointCount(0, s.length()) <= REASON_MAX) return s;
        return s.substring(0, s.offsetByCodePoints(0, REASON_MAX)) + "\u2026";
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
