package io.auditwarehouse.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.auditwarehouse.cli.ReviewedExample.findingId;
import static io.auditwarehouse.cli.ReviewedExample.review;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `review` on the embedded warehouse (issue 12 §1): recorded dispositions, four eyes, risk acceptance needing a second
 * reviewer, all-or-nothing imports, and reviews that outlive re-runs and restatements. Expected values from the issue:
 * OPEN without a review, WITHDRAWN once a restatement removed the finding, exit 2 with one line when refused.
 */
class ReviewCommandTest {

    @TempDir
    static Path base;
    static Path input;
    static Path built;

    @TempDir
    Path tmp;

    @BeforeAll
    static void nightly() throws Exception {
        input = ReviewedExample.input(base.resolve("input"));
        built = base.resolve("out");
        ReviewedExample.nightly(input, built);
    }

    /** A warehouse of its own for each test, copied from the one built once. */
    private Path out() throws Exception {
        Path out = tmp.resolve("out");
        FaultMatrix.copyTree(built, out);
        return out;
    }

    private static List<String> status(Path out, String findingId) {
        return Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv", "select disposition, reference, reviewer, approved_by, "
                + "pending_disposition from recon_finding_status where finding_id = '" + findingId + "'").csvRows();
    }

    private static long reviews(Path out) {
        return Long.parseLong(Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                "select count(*) from recon_finding_review").csvRows().get(0));
    }

    private static void refused(Cli r, String... words) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, errors.size(), r.err());
        for (String w : words) assertTrue(errors.get(0).contains(w), errors.get(0));
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aReviewSetsTheDispositionOthersStayOpenAndRecordingItAgainAddsNothing() throws Exception {
        Path out = out();
        String gap = findingId(out, "BUILD_NUMBER_GAP", 13);
        String overused = findingId(out, "APPROVAL_OVERUSED", 11);
        assertEquals(List.of("OPEN,,,,"), status(out, gap));

        for (int i = 0; i < 2; i++) {
            Cli r = review(input, out, gap, "--disposition", "REMEDIATED", "--reference", "INC-4711", "--comment", "빌드 13 삭제 확인",
                    "--as", "han.audit");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("review: " + (i == 0 ? 1 : 0) + " of 1 review(s) recorded by han.audit"), r.out());
        }
        assertEquals(List.of("REMEDIATED,INC-4711,han.audit,,"), status(out, gap));
        assertEquals(List.of("OPEN,,,,"), status(out, overused));
        assertEquals(1, reviews(out));
        assertEquals(List.of("빌드 13 삭제 확인"), Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                "select comment from recon_finding_review").csvRows());
    }

    @Test
    void fourEyesRefusesTheFindingsPartiesAndUsersWithoutAReviewerRole() throws Exception {
        Path out = out();
        String requester = findingId(out, "EXECUTOR_IS_REQUESTER", 12); // run 12: lee.dev executed, CHG-1: lee.dev asked, park.lead approved
        refused(review(input, out, requester, "--disposition", "ACKNOWLEDGED", "--reference", "T-1", "--as", "park.lead"),
                "four eyes", "park.lead", "approver");
        refused(review(input, out, requester, "--disposition", "ACKNOWLEDGED", "--reference", "T-1", "--as", "lee.dev"),
                "lee.dev may not review findings", "DEVELOPER");
        refused(review(input, out, requester, "--disposition", "ACKNOWLEDGED", "--reference", "T-1", "--as", "nobody"), "nobody");
        refused(review(input, out, requester, "--disposition", "CLOSED", "--reference", "T-1", "--as", "han.audit"), "CLOSED");
        refused(review(input, out, requester, "--disposition", "REMEDIATED", "--as", "han.audit"), "needs a reference");
        refused(review(input, out, "no-such-finding", "--disposition", "REMEDIATED", "--reference", "T", "--as", "han.audit"),
                "no-such-finding is not in recon_finding");
        assertEquals(0, reviews(out));
        // the approver of CHG-1 may review a finding in which they play no part
        String gap = findingId(out, "BUILD_NUMBER_GAP", 13);
        assertEquals(0, review(input, out, gap, "--disposition", "ACKNOWLEDGED", "--reference", "T-2", "--as", "park.lead").exitCode());
    }

    @Test
    void aRiskAcceptanceCountsOnlyOnceADifferentReviewerApprovesIt() throws Exception {
        Path out = out();
        String f = findingId(out, "OUTSIDE_APPROVAL_WINDOW", 12);
        Cli.expect(0, ReviewedExample.concat(new String[]{"review", "--input", input.toString(), "--out", out.toString()},
                new String[]{f, "--disposition", "ACKNOWLEDGED", "--reference", "T-9", "--as", "yu.audit"}));
        Cli.expect(0, ReviewedExample.concat(new String[]{"review", "--input", input.toString(), "--out", out.toString()},
                new String[]{f, "--disposition", "RISK_ACCEPTED", "--reference", "RA-2026-01", "--as", "han.audit"}));
        assertEquals(List.of("ACKNOWLEDGED,T-9,yu.audit,,RISK_ACCEPTED"), status(out, f), "pending: the previous disposition stands");

        refused(review(input, out, f, "--disposition", "APPROVED", "--as", "han.audit"), "four eyes", "own risk acceptance");
        assertEquals(0, review(input, out, f, "--disposition", "APPROVED", "--as", "yu.audit").exitCode());
        assertEquals(List.of("RISK_ACCEPTED,RA-2026-01,han.audit,yu.audit,"), status(out, f));
    }

    @Test
    void anImportRecordsEveryRowOrNoneAndNamesTheBadLine() throws Exception {
        Path out = out();
        String gap = findingId(out, "BUILD_NUMBER_GAP", 13);
        String o11 = findingId(out, "APPROVAL_OVERUSED", 11);
        String o12 = findingId(out, "APPROVAL_OVERUSED", 12);
        Path bad = Files.writeString(tmp.resolve("bad.csv"), String.join("\n", "finding_id,disposition,reference,comment",
                gap + ",REMEDIATED,INC-1,ok", o11 + ",WONTFIX,INC-2,typo", o12 + ",FALSE_POSITIVE,INC-3,\"중복, 확인\"", ""));
        refused(review(input, out, "--import", bad.toString(), "--as", "han.audit"), "bad.csv line 3", "WONTFIX");
        assertEquals(0, reviews(out), "nothing recorded from a file with a bad row");

        Path fourEyes = Files.writeString(tmp.resolve("four-eyes.csv"), String.join("\n", "finding_id,disposition,reference,comment",
                gap + ",REMEDIATED,INC-1,ok", findingId(out, "EXECUTOR_IS_REQUESTER", 12) + ",ACKNOWLEDGED,INC-2,", ""));
        refused(review(input, out, "--import", fourEyes.toString(), "--as", "park.lead"), "four-eyes.csv line 3", "approver");
        assertEquals(0, reviews(out));

        Path good = Files.writeString(tmp.resolve("good.csv"), String.join("\n", "finding_id,disposition,reference,comment",
                gap + ",REMEDIATED,INC-1,ok", o11 + ",ACKNOWLEDGED,INC-2,", o12 + ",FALSE_POSITIVE,INC-3,\"중복, 확인\"", ""));
        for (int i = 0; i < 2; i++) {
            Cli r = review(input, out, "--import", good.toString(), "--as", "han.audit");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("review: " + (i == 0 ? 3 : 0) + " of 3 review(s) recorded"), r.out());
        }
        assertEquals(3, reviews(out));
        assertEquals(List.of("FALSE_POSITIVE,INC-3,han.audit,,"), status(out, o12));
    }

    @Test
    void reviewsOutliveAReRunAndARestatementWithdrawsTheRemovedFinding() throws Exception {
        Path out = out();
        Path restated = tmp.resolve("input");
        FaultMatrix.copyTree(input, restated);
        String o11 = findingId(out, "APPROVAL_OVERUSED", 11);
        String gap = findingId(out, "BUILD_NUMBER_GAP", 13);
        Cli.expect(0, "review", "--input", input.toString(), "--out", out.toString(), o11, "--disposition", "ACKNOWLEDGED",
                "--reference", "T-11", "--as", "han.audit");
        Cli.expect(0, "review", "--input", input.toString(), "--out", out.toString(), gap, "--disposition", "REMEDIATED",
                "--reference", "T-13", "--as", "han.audit");

        ReviewedExample.nightly(input, out); // the same date again: same findings, same ids
        assertEquals(List.of("ACKNOWLEDGED,T-11,han.audit,,"), status(out, o11));
        assertEquals(List.of("REMEDIATED,T-13,han.audit,,"), status(out, gap));

        // CHG-1 restated to allow 3 runs: the APPROVAL_OVERUSED findings go away
        Path approvals = restated.resolve("approvals.csv");
        Files.writeString(approvals, Files.readString(approvals).replace("2026-09-30 21:00:00.000,1,", "2026-09-30 21:00:00.000,3,"));
        ReviewedExample.nightly(restated, out);
        assertEquals(List.of(), Cli.expect(0, "sql", "--out", out.toString(), "--format", "csv",
                "select finding_id from recon_finding where finding_id = '" + o11 + "'").csvRows());
        assertEquals(List.of("WITHDRAWN,T-11,han.audit,,"), status(out, o11));
        assertEquals(List.of("REMEDIATED,T-13,han.audit,,"), status(out, gap));
        assertEquals(2, reviews(out), "the history is kept whole");
        refused(review(restated, out, o11, "--disposition", "REMEDIATED", "--reference", "T", "--as", "han.audit"), "withdrawn");
    }
}
