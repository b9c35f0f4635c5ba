package io.auditwarehouse.cli;

import io.auditwarehouse.report.PackageVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = "Recomputes every digest of an evidence package and its link to the previous month; "
                + "exit 0 when intact, 1 naming each file that does not match.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the package folder, e.g. out/reports/2026-10")
    Path dir;

    @Override
    public Integer call() throws IOException {
        List<String> problems = PackageVerifier.verify(dir);
        PrintWriter out = spec.commandLine().getOut();
        if (problems.isEmpty()) {
            out.println("verified " + dir + ": every digest and the chain match");
        } else {
            problems.forEach(p -> out.println("MISMATCH " + p));
            out.println(problems.size() + " problem(s) in " + dir);
        }
        out.flush();
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
