package io.auditwarehouse.digest;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.MailSettings;
import io.auditwarehouse.config.Secret;
import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.User;
import io.auditwarehouse.model.UserDirectory;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The digest's content and mail, without any server. */
class DigestMailTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** 2026-10-05 09:00 KST. */
    static final Instant AS_OF = Instant.parse("2026-10-05T00:00:00Z");
    static final DigestSlot SLOT = new DigestSlot(LocalDate.of(2026, 10, 5), null);

    static final List<User> USERS = List.of(
            new User("kim.op", "김운영", "운영팀", "APPROVER", null, null),
            new User("park.lead", "Park Lead", "정산개발팀", "APPROVER", null, null),
            new User("lee.dev", "이개발", "정산개발팀", "DEVELOPER", null, null),
            new User("han.nodept", "한부서없음", null, "APPROVER", null, null));

    static Approval report(String no, String job, int build, String requester, String approver, String status, String requestedAt, String reason) {
        return new Approval(no, "FAILURE_REPORT", "batch-a", job, build, requester, approver, status,
                requestedAt == null ? null : Instant.parse(requestedAt), null, null, null, null, reason, null);
    }

    static List<Approval> approvals() {
        List<Approval> a = new ArrayList<>();
        // kim.op: two, the older one last in the input
        a.add(report("FRP-3", "정산/일마감", 118, "lee.dev", "kim.op", "REQUESTED", "2026-10-04T20:00:00Z", "디스크 부족 & 재시도"));
        a.add(report("FRP-1", "정산/일마감", 101, "lee.dev", "kim.op", "REQUESTED", "2026-10-01T19:30:00Z", "DB 연결 시간 초과"));
        // park.lead: one, with markup in the job name and the reason
        a.add(report("FRP-2", "payments/<script>alert(\"x\")</script>", 7, "lee.dev", "park.lead", "REQUESTED",
                "2026-10-03T00:00:00Z", "a < b && c > \"d\" 'e'"));
        // no approver yet; an approver without a department
        a.add(report("FRP-4", "billing/monthly", 3, "lee.dev", null, "REQUESTED", "2026-10-04T00:00:00Z", null));
        a.add(report("FRP-5", "billing/yearly", 9, "lee.dev", "han.nodept", "REQUESTED", "2026-10-02T00:00:00Z", null));
        // not in the digest: approved, another request type, filed after the as-of instant
        a.add(report("FRP-6", "정산/일마감", 90, "lee.dev", "kim.op", "APPROVED", "2026-09-30T00:00:00Z", null));
        a.add(new Approval("CHG-1", "CHANGE", "batch-a", "정산/일마감", null, "lee.dev", "kim.op", "REQUESTED",
                Instant.parse("2026-10-01T00:00:00Z"), null, null, null, null, null, null));
        a.add(report("FRP-7", "정산/일마감", 120, "lee.dev", "kim.op", "REQUESTED", "2026-10-05T00:00:01Z", null));
        return a;
    }

    static DigestContent content(String groupBy) {
        return DigestContent.of(approvals(), UserDirectory.of(USERS), SLOT, AS_OF, SEOUL, groupBy);
    }

    private static List<String> numbers(DigestContent.Group g) {
        return g.reports().stream().map(PendingReport::approvalNo).toList();
    }

    @Test
    void selectsRequestedFailureReportsAtTheAsOfInstant() {
        DigestContent c = content(MailSettings.BY_APPROVER);
        assertEquals(5, c.reportCount());
        List<String> all = c.groups().stream().flatMap(g -> numbers(g).stream()).toList();
        assertFalse(all.contains("FRP-6"), "approved");
        assertFalse(all.contains("CHG-1"), "not a failure report");
        assertFalse(all.contains("FRP-7"), "filed after the as-of instant");
    }

    @Test
    void groupsByApproverOldestFirstWithUnassignedLast() {
        DigestContent c = content(MailSettings.BY_APPROVER);
        assertEquals(4, c.groups().size());
        // named groups sorted by display name (Latin before Hangul), then the group without an approver
        assertEquals("Park Lead", c.groups().get(0).name());
        assertEquals("김운영", c.groups().get(1).name());
        assertEquals("kim.op", c.groups().get(1).id());
        assertEquals("한부서없음", c.groups().get(2).name());
        assertEquals(DigestContent.Heading.NO_APPROVER, c.groups().get(3).heading());
        assertEquals(List.of("FRP-1", "FRP-3"), numbers(c.groups().get(1)), "oldest first");
        assertEquals(List.of("FRP-4"), numbers(c.groups().get(3)));
    }

    @Test
    void groupsByTheApproversDepartment() {
        DigestContent c = content(MailSettings.BY_DEPARTMENT);
        assertEquals(List.of("운영팀", "정산개발팀"), c.groups().stream().filter(g -> g.heading() == DigestContent.Heading.NAMED)
                .map(DigestContent.Group::name).toList());
        assertNull(c.groups().get(0).id());
        assertEquals(List.of("FRP-1", "FRP-3"), numbers(c.groups().get(0)));
        assertEquals(List.of("FRP-2"), numbers(c.groups().get(1)));
        assertEquals(DigestContent.Heading.NO_APPROVER, c.groups().get(2).heading());
        assertEquals(DigestContent.Heading.NO_DEPARTMENT, c.groups().get(3).heading());
        assertEquals(List.of("FRP-5"), numbers(c.groups().get(3)));
    }

    @Test
    void agesAreDaysAndHoursAtTheAsOfInstant() {
        PendingReport oldest = content(MailSettings.BY_APPROVER).groups().get(1).reports().get(0);
        assertEquals("FRP-1", oldest.approvalNo());
        // 2026-10-01T19:30Z .. 2026-10-05T00:00Z = 3 days 4 hours 30 minutes
        assertEquals(3, oldest.ageDays());
        assertEquals(4, oldest.ageHours());
        String text = mail("ko", MailSettings.BY_APPROVER).text();
        assertTrue(text.contains("경과 3일 4시간"), text);
        assertTrue(mail("en", MailSettings.BY_APPROVER).text().contains("Age 3d 4h"));
        assertTrue(text.contains("2026-10-02 04:30"), "requested_at in the business zone: " + text);
    }

    static DigestMail mail(String locale, String groupBy) {
        return new DigestMail(content(groupBy), DigestLabels.of(locale), "1.2.3");
    }

    @Test
    void htmlEscapesEverythingFromTheSourcesAndTheTextKeepsItAsIs() {
        DigestMail m = mail("en", MailSettings.BY_APPROVER);
        String html = m.html();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("payments/&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"), html);
        assertTrue(html.contains("a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;"), html);
        assertTrue(html.contains("디스크 부족 &amp; 재시도"), html);
        assertTrue(html.contains("<h3") && html.contains("김운영 (kim.op) &mdash; 2 reports"), html);
        assertEquals(4, html.split("<table", -1).length - 1, "a table per group");
        String text = m.text();
        assertTrue(text.contains("payments/<script>alert(\"x\")</script> #7"), text);
        assertTrue(text.contains("김운영 (kim.op) \u2014 2 reports"), text);
        assertTrue(text.contains("(no approver assigned) \u2014 1 report"), text);
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", DigestMail.escape("<a href=\"x\">&'"));
    }

    @Test
    void textAndHtmlCarryTheSameReportsInTheSameOrder() {
        for (String groupBy : List.of(MailSettings.BY_APPROVER, MailSettings.BY_DEPARTMENT)) {
            DigestMail m = mail("ko", groupBy);
            List<String> inText = order(m.text());
            assertEquals(List.of("FRP-2", "FRP-1", "FRP-3", "FRP-5", "FRP-4").size(), inText.size());
            assertEquals(inText, order(m.html()), groupBy);
        }
        assertTrue(mail("ko", MailSettings.BY_DEPARTMENT).text().contains("승인자: 김운영 (kim.op)"));
    }

    private static List<String> order(String s) {
        List<String> found = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("FRP-\\d").matcher(s);
        while (m.find()) found.add(m.group());
        return found;
    }

    @Test
    void subjectsInBothLanguages() {
        assertEquals("[audit-warehouse] 5 failure reports awaiting approval (2026-10-05)", mail("en", MailSettings.BY_APPROVER).subject());
        assertEquals("[audit-warehouse] 승인 대기 중인 장애 보고 5건 (2026-10-05)", mail("ko", MailSettings.BY_APPROVER).subject());
        DigestContent one = DigestContent.of(approvals().subList(0, 1), UserDirectory.of(USERS), SLOT, AS_OF, SEOUL, MailSettings.BY_APPROVER);
        assertEquals("[audit-warehouse] 1 failure report awaiting approval (2026-10-05)",
                new DigestMail(one, DigestLabels.of("en"), "x").subject());
    }

    @Test
    void theMimeMessageIsMultipartAlternativeInUtf8WithAnEncodedSubject() throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage sent = mail("ko", MailSettings.BY_APPROVER).toMessage(session, "감사 창고 <audit@example.com>",
                List.of("head@example.com", "ops@example.com"), AS_OF);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        sent.writeTo(raw);
        byte[] bytes = raw.toByteArray();
        for (byte b : bytes) assertTrue(b >= 0, "only 7-bit bytes on the wire: everything non-ASCII is encoded");
        String wire = new String(bytes, StandardCharsets.US_ASCII);
        assertTrue(wire.contains("Subject: =?UTF-8?"), "RFC 2047 subject: " + wire.lines().filter(l -> l.startsWith("Subject")).toList());
        assertTrue(wire.contains("Auto-Submitted: auto-generated"));
        assertTrue(wire.contains("X-Audit-Warehouse-Slot: 2026-10-05"));

        MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(bytes));
        assertEquals("[audit-warehouse] 승인 대기 중인 장애 보고 5건 (2026-10-05)", m.getSubject());
        assertEquals("감사 창고", ((InternetAddress) m.getFrom()[0]).getPersonal());
        assertEquals(2, m.getAllRecipients().length);
        assertTrue(new ContentType(m.getContentType()).match("multipart/alternative"), m.getContentType());
        Multipart parts = (Multipart) m.getContent();
        assertEquals(2, parts.getCount());
        Part text = parts.getBodyPart(0);
        Part html = parts.getBodyPart(1);
        assertTrue(new ContentType(text.getContentType()).match("text/plain"), text.getContentType());
        assertTrue(new ContentType(html.getContentType()).match("text/html"), html.getContentType());
        for (Part p : List.of(text, html)) {
            assertEquals("utf-8", new ContentType(p.getContentType()).getParameter("charset").toLowerCase());
            String body = (String) p.getContent();
            assertTrue(body.contains("김운영"), body);
            assertTrue(body.contains("정산/일마감"), body);
            assertTrue(body.contains("디스크 부족"), body);
        }
        assertTrue(((String) html.getContent()).contains("<html lang=\"ko\">"));
    }

    @Test
    void slotsNameTheirLedgerRow() {
        assertEquals("digest-2026-10-05", DigestSlot.parse("2026-10-05", SEOUL).batchId());
        DigestSlot at = DigestSlot.parse("2026-10-05T09:00:00+09:00", SEOUL);
        assertEquals("digest-20261005T000000Z", at.batchId());
        assertEquals(at, DigestSlot.parse("2026-10-05T00:00:00Z", SEOUL), "one instant, however it is written");
        assertEquals(at, DigestSlot.parse("2026-10-05T09:00", SEOUL), "no offset: the business zone");
        assertEquals(LocalDate.of(2026, 10, 5), at.businessDate(SEOUL));
        assertEquals("2026-10-05 09:00", at.label(SEOUL));
        assertEquals("--slot", assertThrows(ConfigException.class, () -> DigestSlot.parse("tomorrow", SEOUL)).key());
    }

    @Test
    void sessionPropertiesFollowTheSecuritySettingAndHoldNoPassword() {
        Secret none = Secret.NONE;
        Properties starttls = SmtpMailer.sessionProperties(new MailSettings("smtp.example", 587, "starttls", "", none, "a@example.com", List.of("b@example.com"), "approver"));
        assertEquals("true", starttls.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", starttls.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertEquals("false", starttls.getProperty("mail.smtp.auth"));
        Properties tls = SmtpMailer.sessionProperties(new MailSettings("smtp.example", 465, "tls", "u", none, "a@example.com", List.of("b@example.com"), "approver"));
        assertEquals("true", tls.getProperty("mail.smtp.ssl.enable"));
        assertEquals("true", tls.getProperty("mail.smtp.auth"));
        assertEquals("465", tls.getProperty("mail.smtp.port"));
        Properties plain = SmtpMailer.sessionProperties(new MailSettings("127.0.0.1", 25, "none", "", none, "a@example.com", List.of("b@example.com"), "approver"));
        assertEquals("false", plain.getProperty("mail.smtp.starttls.enable"));
        for (Properties p : List.of(starttls, tls, plain)) {
            assertFalse(p.stringPropertyNames().stream().anyMatch(k -> k.contains("password")), p.toString());
        }
    }
}
