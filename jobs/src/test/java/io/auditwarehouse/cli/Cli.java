package io.auditwarehouse.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the command line in-process and keeps what it printed. */
public record Cli(int exitCode, String out, String err) {

    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AuditWarehouse.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** Runs and fails the test, showing both streams, unless the exit code is as expected. */
    public static Cli expect(int exitCode, String... args) {
        Cli r = run(args);
        if (r.exitCode != exitCode) {
            throw new AssertionError("exit " + r.exitCode + " (expected " + exitCode + ") for " + List.of(args)
                    + "\n--- stdout\n" + r.out + "\n--- stderr\n" + r.err);
        }
        return r;
    }

    /** stdout lines of a `sql --format csv` call, without the header. */
    public List<String> csvRows() {
        List<String> lines = out.lines().toList();
        return lines.subList(1, lines.size());
    }
}
