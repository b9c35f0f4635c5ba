package io.auditwarehouse.cli;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 ageing: the digest (a real SMTP server, GreenMail) gains a section of HIGH findings still OPEN after
 * review.sla working days (default 5). The worked example's one HIGH finding is EXECUTOR_IS_REQUESTER of Thursday
 * 2026-10-01: five working days later (Oct 2, 5, 6, 7, 8) the SLA has run out, so it is listed from Friday Oct 9 on.
 */
class ReviewAgeingDigestIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withPerMethodLifecycle(true);

    @TempDir
    Path tmp;

    @Test
    void highFindingsStillOpenPastTheSlaAreMailedUntilReviewed() throws Exception {
        Path input = ReviewedExample.input(tmp.resolve("input"));
        Path out = tmp.resolve("out");
        ReviewedExample.nightly(input, out);
        String high = ReviewedExample.findingId(out, "EXECUTOR_IS_REQUESTER", 12);
        String config = Files.writeString(tmp.resolve("mail.yaml"), """
                mail:
                  smtp: {host: 127.0.0.1, port: %d, security: none}
                  from: audit@example.com
                  to: [compliance@example.com]
                report: {locale: en}
                """.formatted(SMTP.getSmtp().getPort())).toString();

        // Thursday Oct 8, 18:00 in Seoul: the fifth working day is not over, nothing is due, no failure report waits
        Cli early = digest(config, input, out, "2026-10-08", "2026-10-08T18:00:00+09:00");
        assertTrue(early.out().contains("no mail sent"), early.out());

        // a risk acceptance nobody approved yet does not count: the finding is still open
        Cli.expect(0, "review", "--input", input.toString(), "--out", out.toString(), high, "--disposition", "RISK_ACCEPTED",
                "--reference", "RA-7", "--as", "han.audit");
        digest(config, input, out, "2026-10-09", "2026-10-09T09:00:00+09:00");
        assertTrue(SMTP.waitForIncomingEmail(5_000, 1));
        MimeMessage m = SMTP.getReceivedMessages()[0];
        assertEquals("[audit-warehouse] 1 HIGH finding unreviewed for more than 5 working days (2026-10-09)", m.getSubject());
        String text = part(m, "text/plain");
        assertTrue(text.contains("1 HIGH finding is still open (no disposition recorded) more than 5 working days after its business date"), text);
        assertTrue(text.contains("C2  EXECUTOR_IS_REQUESTER  2026-10-01  6 working days  batch-a  payments/settle #12"), text);
        assertTrue(text.contains(high), text);
        assertTrue(part(m, "text/html").contains("<td>" + high + "</td>"));

        // approved by a second reviewer: no longer open, nothing to mail on the next slot
        Cli.expect(0, "review", "--input", input.toString(), "--out", out.toString(), high, "--disposition", "APPROVED", "--as", "yu.audit");
        Cli later = digest(config, input, out, "2026-10-12", "2026-10-12T09:00:00+09:00");
        assertTrue(later.out().contains("no mail sent"), later.out());
        assertEquals(1, SMTP.getReceivedMessages().length);
    }

    private static Cli digest(String config, Path input, Path out, String slot, String asOf) {
        return Cli.expect(0, "digest", "--config", config, "--input", input.toString(), "--out", out.toString(), "--slot", slot,
                "--as-of", asOf);
    }

    private static String part(MimeMessage m, String type) throws Exception {
        Multipart parts = (Multipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (new ContentType(parts.getBodyPart(i).getContentType()).match(type)) return (String) parts.getBodyPart(i).getContent();
        }
        throw new AssertionError("no " + type + " part");
    }
}
