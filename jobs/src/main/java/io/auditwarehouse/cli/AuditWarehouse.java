package io.auditwarehouse.cli;

import io.auditwarehouse.errors.ErrorMessages;
import io.auditwarehouse.runtime.FailureClass;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code audit-warehouse}: the command line of operations.md. */
@Command(name = "audit-warehouse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Reconciles Jenkins runs with approval records and produces audit evidence.",
        footer = ExitCodes.HELP,
        subcommands = {NightlyCommand.class, BackfillCommand.class, SqlCommand.class, GenerateCommand.class, MigrateCommand.class,
                DemoCommand.class, ReportCommand.class, VerifyCommand.class, RevealCommand.class, DigestCommand.class, SchedulerCommand.class, ReviewCommand.class,
                ServeCommand.class, PortalCommand.class, CommandLine.HelpCommand.class})
public final class AuditWarehouse implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        int code = execute(args);
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
        System.exit(code);
    }

    /** Runs one command line and returns its exit code; never exits the JVM (tests call this). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new AuditWarehouse());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(AuditWarehouse::handle);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().getErr().println("(see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean verbose = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))
                || parsed.hasMatchedOption("--verbose");
        Throwable cause = FailureClass.rootOf(e);
        FailureClass failure = FailureClass.of(e);
        int code = failure.exitCode();
        String label = failure.label();
        err.println("error (" + label + "): " + ErrorMessages.firstLine(cause));
        if (verbose) e.printStackTrace(err);
        else err.println("(run with --verbose for details)");
        err.flush();
        return code;
    }
}
