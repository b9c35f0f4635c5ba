package io.auditwarehouse.errors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Test-only fault injection at named points of a publish, so that a fault test stops the process exactly there instead
 * of relying on timing. Production code calls {@link #reach} at each point; without a {@link Hook} installed (the
 * variable {@value #ENV} unset, always in production) that is one volatile read and nothing else.
 * <p>
 * The hook is process-wide and static because the points sit deep in the sinks, the job and the report, where passing
 * it through every constructor would put a test concern into every signature. It is installed once per command, by the
 * CLI, from the one {@code AppConfig} that {@code ConfigLoader} read (the only place the environment is read).
 */
public final class Checkpoints {

    /** {@code AW_TEST_CHECKPOINT=<checkpoint>:<halt|fail|pause>}. */
    public static final String ENV = "AW_TEST_CHECKPOINT";

    /** While the sources are read: after the first document of each partition of the evidence. */
    public static final String READING_SOURCES = "reading-sources";
    /** After reconciling and staging, before the warehouse's first commit. */
    public static final String BEFORE_FIRST_COMMIT = "before-first-commit";
    /** Between the commits (or statements) of two dated tables of one publish. */
    public static final String BETWEEN_TABLE_COMMITS = "between-table-commits";
    /** After the warehouse has committed the batch, before the Kibana indexes are published. */
    public static final String AFTER_WAREHOUSE_PUBLISH = "after-warehouse-publish";
    /** In the middle of the Kibana index publish: the run documents written, the finding documents not yet. */
    public static final String MID_INDEX_PUBLISH = "mid-index-publish";
    /** While the evidence package is rendered: the CSV files written, the rest not yet. */
    public static final String RENDERING_PACKAGE = "rendering-package";

    public static final List<String> NAMES = List.of(READING_SOURCES, BEFORE_FIRST_COMMIT, BETWEEN_TABLE_COMMITS,
            AFTER_WAREHOUSE_PUBLISH, MID_INDEX_PUBLISH, RENDERING_PACKAGE);

    /** The exit status of a halted process: what a shell reports for {@code kill -9}. */
    public static final int HALT_STATUS = 137;

    /**
     * What happens at the checkpoint. {@code halt}: the JVM stops at once, no shutdown hooks, no finally blocks, like
     * {@code kill -9}. {@code fail}: an {@link InjectedFault} is thrown. {@code pause}: the line
     * {@code checkpoint <name> reached: paused} goes to stderr and the thread blocks until a line (or end of input)
     * arrives on stdin, so a test can act at exactly that point (kill a server) and then let the process go on.
     */
    public enum Action { HALT, FAIL, PAUSE }

    /** One armed checkpoint. */
    public record Hook(String checkpoint, Action action) {

        /** @throws IllegalArgumentException naming what is wrong with the text */
        public static Hook parse(String text) {
            int colon = text.lastIndexOf(':');
            String name = colon < 0 ? text : text.substring(0, colon);
            if (colon < 0 || !NAMES.contains(name)) {
                throw new IllegalArgumentException("expected <checkpoint>:<halt|fail|pause> with a checkpoint among " + NAMES
                        + ", got '" + text + "'");
            }
            String action = text.substring(colon + 1).toUpperCase(Locale.ROOT);
            for (Action a : Action.values()) if (a.name().equals(action)) return new Hook(name, a);
            throw new IllegalArgumentException("unknown action '" + text.substring(colon + 1) + "' in '" + text
                    + "': expected halt, fail or pause");
        }

        @Override
        public String toString() {
            return checkpoint + ":" + action.name().toLowerCase(Locale.ROOT);
        }
    }

    /** The fault a {@code fail} checkpoint throws. */
    public static final class InjectedFault extends RuntimeException {
        InjectedFault(String checkpoint) {
            super("injected fault at checkpoint " + checkpoint + " (" + ENV + ")");
        }
    }

    private static volatile Hook installed;

    private Checkpoints() {
    }

    /** Arms one checkpoint for this process, or none with null; each command installs what its config says. */
    public static void install(Hook hook) {
        installed = hook;
    }

    /** Called by production code at the named point: nothing unless this point is armed. */
    public static void reach(String checkpoint) {
        Hook hook = installed;
        if (hook == null || !hook.checkpoint().equals(checkpoint)) return;
        switch (hook.action()) {
            case HALT -> Runtime.getRuntime().halt(HALT_STATUS);
            case FAIL -> throw new InjectedFault(checkpoint);
            case PAUSE -> pause(checkpoint);
        }
    }

    /** The marker line, then a wait for stdin; synchronized so that parallel tasks reaching it pause one at a time. */
    private static synchronized void pause(String checkpoint) {
        System.err.println("checkpoint " + checkpoint + " reached: paused");
        System.err.flush();
        try {
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            // stdin closed or broken: go on, as with an end of input
        }
    }
}
