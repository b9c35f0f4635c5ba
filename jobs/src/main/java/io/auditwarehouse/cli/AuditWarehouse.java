package io.auditwarehouse.cli;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.errors.ErrorMessages;
import io.auditwarehouse.sinks.WarehouseBusyException;
import io.auditwarehouse.sinks.WriteFailedException;
import io.auditwarehouse.sources.SourceRefusedException;
import io.auditwarehouse.sources.SourceUnavailableException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code audit-warehouse}: the command line of operations.md. */
@Command(name = "audit-warehouse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Reconciles Jenkins runs with approval records and produces audit evidence.",
        footer = ExitCodes.HELP,
        subcommands = {NightlyCommand.class, BackfillCommand.class, SqlCommand.class, GenerateCommand.class, MigrateCommand.class,
                DemoCommand.class, ReportCommand.class, VerifyCommand.class, DigestCommand.class, SchedulerCommand.class, ReviewCommand.class,
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
        Throwable cause = rootOf(e);
        int code;
        String label;
        if (cause instanceof ConfigException) {
            code = ExitCodes.USAGE;
            label = "configuration error";
        } else if (cause instanceof SourceRefusedException) {
            code = ExitCodes.SOURCE_REFUSED;
            label = "source refused";
        } else if (cause instanceof SourceUnavailableException) {
            code = ExitCodes.SOURCE_UNAVAILABLE;
            label = "source unavailable";
        } else if (cause instanceof WarehouseBusyException) {
            code = ExitCodes.WAREHOUSE_BUSY;
            label = "warehouse busy";
        } else if (cause instanceof WriteFailedException) {
            code = ExitCodes.WRITE_FAILED;
            label = "write failed";
        } else {
            code = ExitCodes.FAILURE;
            label = "failed";
        }
        err.println("error (" + label + "): " + ErrorMessages.firstLine(cause));
        if (verbose) e.printStackTrace(err);
        else err.println("(run with --verbose for details)");
        err.flush();
        return code;
    }

    /** The first of our own exceptions in the cause chain, else the outermost one. */
    private static Throwable rootOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException || t instanceof SourceUnavailableException || t instanceof SourceRefusedException
                    || t instanceof WriteFailedException || t instanceof WarehouseBusyException) {
                return t;
            }
        }
        return e;
    }
}
