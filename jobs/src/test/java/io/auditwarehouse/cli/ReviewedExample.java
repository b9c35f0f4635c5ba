package io.auditwarehouse.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The worked example (2026-10-01) with compliance reviewers added to users.csv: han.audit and yu.audit (COMPLIANCE),
 * and park.lead, approver of CHG-1, who also holds COMPLIANCE (for the four-eyes refusals).
 */
final class ReviewedExample {

    static final String DATE = "2026-10-01";
    static final String AS_OF = "2026-10-10T00:00:00+09:00";

    private ReviewedExample() {
    }

    static Path input(Path dir) throws IOException, URISyntaxException {
        WorkedExampleTest.copyTree(WorkedExampleTest.resource("worked-example"), dir);
        Files.writeString(dir.resolve("users.csv"), String.join("\n",
                "han.audit,Han Auditor,준법감시팀,COMPLIANCE,2025-01-01 00:00:00,",
                "yu.audit,Yu Reviewer,준법감시팀,COMPLIANCE,2025-01-01 00:00:00,",
                "park.lead,Park Lead,정산개발팀,COMPLIANCE,2025-01-01 00:00:00,", ""), StandardOpenOption.APPEND);
        return dir;
    }

    static void nightly(Path input, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("nightly", "--input", input.toString(), "--out", out.toString(),
                "--date", DATE, "--as-of", AS_OF));
        args.addAll(List.of(more));
        Cli.expect(0, args.toArray(String[]::new));
    }

    /** The id of the finding of a reason code on a build of payments/settle. */
    static String findingId(Path out, String reasonCode, int build, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("sql", "--out", out.toString(), "--format", "csv",
                "select finding_id from recon_finding where reason_code = '" + reasonCode + "' and build_number = " + build));
        args.addAll(List.of(more));
        List<String> rows = Cli.expect(0, args.toArray(String[]::new)).csvRows();
        if (rows.size() != 1) throw new AssertionError(reasonCode + " #" + build + ": " + rows);
        return rows.get(0);
    }

    static Cli review(Path input, Path out, String... args) {
        return Cli.run(concat(new String[]{"review", "--input", input.toString(), "--out", out.toString()}, args));
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
