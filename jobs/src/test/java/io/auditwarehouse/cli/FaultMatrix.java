package io.auditwarehouse.cli;

import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.sinks.WarehouseTables;
import io.auditwarehouse.testing.CliProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the kill -9 matrix shares between the two warehouses: a tiny generated month, the nightly and report commands
 * run on it, the points a process is halted at, and a reader that polls the published tables all the while and judges
 * every view it got: no date with rows missing (a (table, date) count other than the undisturbed one) and no date
 * whose rows carry two batch ids across the dated tables.
 */
final class FaultMatrix {

    static final String MONTH = "2026-10";
    /** The nightly's date; with the default lookback it publishes 2026-10-05 .. 2026-10-12. */
    static final String DATE = "2026-10-12";
    static final LocalDate FIRST = LocalDate.parse("2026-10-05");
    static final LocalDate LAST = LocalDate.parse(DATE);
    static final String AS_OF = "2026-11-10T00:00:00+09:00";
    /**
     * Columns that name the batch that last wrote a row: they must differ between a repaired warehouse and an
     * undisturbed one (another batch wrote the rows), so the end states are compared without them. first_batch_id is
     * compared: the repair keeps the batch that first raised each finding or quarantined each document.
     */
    static final Set<String> LAST_WRITER_COLUMNS = Set.of("batch_id", "last_batch_id");
    /** Every table the end states are compared on; recon_batch (the ledger) is checked on its own. */
    static final List<String> COMPARED = Stream.concat(WarehouseTables.DATED.stream(),
            Stream.of(WarehouseTables.CATALOG, WarehouseTables.QUARANTINE)).toList();
    /** A batch id as ReconcileJob makes them: kind, start time, six hex digits. */
    private static final String BATCH_ID = "(nightly|backfill)-\\d{8}T\\d{6}Z-[0-9a-f]{6}";

    private static Path month;

    /** Where the process is halted, and which command is halted there. */
    enum Point {
        READING_SOURCES(Checkpoints.READING_SOURCES),
        BEFORE_FIRST_COMMIT(Checkpoints.BEFORE_FIRST_COMMIT),
        BETWEEN_TABLE_COMMITS(Checkpoints.BETWEEN_TABLE_COMMITS),
        MID_INDEX_PUBLISH(Checkpoints.MID_INDEX_PUBLISH),
        /** Only {@code report} renders the package: nightly does not. */
        RENDERING_PACKAGE(Checkpoints.RENDERING_PACKAGE);

        final String checkpoint;

        Point(String checkpoint) {
            this.checkpoint = checkpoint;
        }

        boolean report() {
            return this == RENDERING_PACKAGE;
        }

        /** Whether the halted command had written its RUNNING ledger row: it does so under the lock, after reading. */
        boolean leavesARunningRow() {
            return this == BEFORE_FIRST_COMMIT || this == BETWEEN_TABLE_COMMITS || this == MID_INDEX_PUBLISH;
        }
    }

    /** When a reader's view was taken. */
    enum Phase { BEFORE, DISTURBED, HALTED, REPAIRING, REPAIRED }

    /** SQL over one warehouse, every value as text. */
    interface Sql extends AutoCloseable {
        /** Column names first, then the rows. */
        List<List<String>> query(String sql) throws Exception;

        /** The dialect's cast of a value to text. */
        String text(String expression);

        @Override
        void close() throws Exception;
    }

    private FaultMatrix() {
    }

    /** A month of 400 runs in the real formats, generated once per test JVM. */
    static synchronized Path month() throws IOException {
        if (month == null) {
            Path dir = Files.createTempDirectory("aw-fault-month");
            dir.toFile().deleteOnExit();
            Cli.expect(ExitCodes.OK, "generate", "--month", MONTH, "--runs", "400", "--seed", "10", "--out", dir.toString());
            month = dir;
        }
        return month;
    }

    static String[] nightly(Path out, String config) throws IOException {
        List<String> args = new ArrayList<>(List.of("nightly", "--input", month().toString(), "--out", out.toString(),
                "--date", DATE, "--as-of", AS_OF));
        if (config != null) args.addAll(List.of("--config", config));
        return args.toArray(String[]::new);
    }

    static String[] report(Path out, String config) {
        List<String> args = new ArrayList<>(List.of("report", "--month", MONTH, "--format", "csv,xlsx", "--out", out.toString()));
        if (config != null) args.addAll(List.of("--config", config));
        return args.toArray(String[]::new);
    }

    /**
     * The view of one poll: for each (table, date) of the nightly's dates, its row count by the batch id that last
     * wrote the rows. One statement, so that a database answers it from one snapshot.
     */
    static Map<String, Map<String, Long>> view(Sql sql) throws Exception {
        List<String> parts = new ArrayList<>();
        for (String table : WarehouseTables.DATED) {
            String batch = WarehouseTables.FINDING.equals(table) ? "last_batch_id" : "batch_id";
            parts.add("select '" + table + "' as t, " + sql.text("business_date") + " as d, " + batch + " as b, count(*) as n from "
                    + table + " where business_date between '" + FIRST + "' and '" + LAST + "' group by " + sql.text("business_date")
                    + ", " + batch);
        }
        Map<String, Map<String, Long>> view = new TreeMap<>();
        List<List<String>> rows = sql.query(String.join(" union all ", parts));
        for (List<String> r : rows.subList(1, rows.size())) {
            view.computeIfAbsent(r.get(0) + " " + r.get(1), k -> new TreeMap<>()).put(r.get(2), Long.parseLong(r.get(3)));
        }
        return view;
    }

    /** What is wrong with a view, against the undisturbed one: empty when it is whole and of one batch per date. */
    static List<String> defects(Map<String, Map<String, Long>> view, Map<String, Map<String, Long>> undisturbed) {
        List<String> defects = new ArrayList<>();
        Set<String> keys = new TreeSet<>(undisturbed.keySet());
        keys.addAll(view.keySet());
        Map<String, Set<String>> batchesByDate = new TreeMap<>();
        for (String key : keys) {
            long expected = total(undisturbed.get(key));
            long seen = total(view.get(key));
            if (seen != expected) defects.add(key + ": " + seen + " rows instead of " + expected);
            if (view.containsKey(key)) {
                batchesByDate.computeIfAbsent(key.substring(key.indexOf(' ') + 1), d -> new TreeSet<>()).addAll(view.get(key).keySet());
            }
        }
        batchesByDate.forEach((date, batches) -> {
            if (batches.size() > 1) defects.add(date + ": two batches mixed " + batches);
        });
        return defects;
    }

    private static long total(Map<String, Long> byBatch) {
        return byBatch == null ? 0 : byBatch.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every column naming a batch: for runs that start from an empty warehouse, where first_batch_id differs too. */
    static final Set<String> BATCH_COLUMNS = Set.of("batch_id", "first_batch_id", "last_batch_id");

    /** Each compared table's rows as sorted text, without the last-writer columns. */
    static Map<String, List<String>> tables(Sql sql) throws Exception {
        return tables(sql, LAST_WRITER_COLUMNS);
    }

    /** Each compared table's rows as sorted text, without the given columns. */
    static Map<String, List<String>> tables(Sql sql, Set<String> ignored) throws Exception {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : COMPARED) {
            List<List<String>> rows = sql.query("select * from " + table);
            List<String> header = rows.get(0);
            List<String> text = new ArrayList<>();
            for (List<String> r : rows.subList(1, rows.size())) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < header.size(); i++) {
                    if (!ignored.contains(header.get(i))) line.append(header.get(i)).append('=').append(r.get(i)).append(' ');
                }
                text.add(line.toString());
            }
            Collections.sort(text);
            tables.put(table, text);
        }
        return tables;
    }

    /** The ledger: batch id to status. */
    static Map<String, String> ledger(Sql sql) throws Exception {
        List<List<String>> rows = sql.query("select batch_id, status from " + WarehouseTables.BATCH);
        return rows.subList(1, rows.size()).stream().collect(Collectors.toMap(r -> r.get(0), r -> r.get(1), (a, b) -> a, TreeMap::new));
    }

    /** The batch ids the last writer columns of the dated tables name. */
    static Set<String> lastWriters(Sql sql) throws Exception {
        Set<String> batches = new HashSet<>();
        for (Map<String, Long> byBatch : view(sql).values()) batches.addAll(byBatch.keySet());
        return batches;
    }

    /**
     * Every Kibana file under {@code <out>/kibana} by its relative path, each batch id replaced by {@code <batch>}:
     * a document names the batch that wrote it, which differs between a repaired run and an undisturbed one.
     */
    static Map<String, String> kibanaFiles(Path out) throws IOException {
        Path root = out.resolve("kibana");
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) return files;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p).replaceAll(BATCH_ID, "<batch>"));
            }
        }
        return files;
    }

    /** The files of a package folder by name (bytes as text: CSV; other formats compared by presence). */
    static Map<String, String> csvFiles(Path packageDir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(packageDir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                String name = packageDir.relativize(p).toString();
                files.put(name, name.endsWith(".csv") ? Files.readString(p) : "(binary)");
            }
        }
        return files;
    }

    /** A copy of a folder tree: each case starts from the undisturbed run's output. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** No defect in any of the views. */
    static void assertWhole(String what, List<List<String>> views) {
        assertEquals(List.of(), views.stream().flatMap(List::stream).toList(), what);
    }


    /** What one undisturbed nightly left, shared by every case of a warehouse. */
    record Undisturbed(Path out, Map<String, Map<String, Long>> view, Map<String, List<String>> tables, String batch,
                       Map<String, String> kibana) {

        /** Reads it back, and checks it is worth comparing with: findings on the dates, every view whole. */
        static Undisturbed read(Sql sql, Path out) throws Exception {
            Map<String, Map<String, Long>> view = FaultMatrix.view(sql);
            assertTrue(view.keySet().stream().anyMatch(k -> k.startsWith(WarehouseTables.FINDING + " ")),
                    "the tiny month has findings on the nightly's dates: " + view.keySet());
            assertEquals(List.of(), defects(view, view), "the undisturbed run");
            return new Undisturbed(out, view, FaultMatrix.tables(sql), FaultMatrix.ledger(sql).keySet().iterator().next(),
                    FaultMatrix.kibanaFiles(out));
        }
    }

    /** What a halted command and its repair left: the ledger while halted, the repair's output. */
    record Repaired(Map<String, String> halted, Cli repair) {
    }

    /**
     * One case of the matrix: the command halted at the point in a JVM of its own, then run again in-process, the
     * reader moved through the phases; asserts the strict rule (after the repair, every view whole and of one batch)
     * and leaves the "during" rules to the caller, which knows its warehouse.
     */
    static Repaired haltThenRepair(String warehouse, Point point, Path logs, String[] command, PollingReader reader,
                                   Callable<Sql> sql) throws Exception {
        reader.enter(Phase.BEFORE);
        reader.enter(Phase.DISTURBED);
        CliProcess.expect(Checkpoints.HALT_STATUS, logs, "halted", List.of(), Map.of(Checkpoints.ENV, point.checkpoint + ":halt"), command);
        reader.enter(Phase.HALTED);
        Map<String, String> halted;
        try (Sql s = sql.call()) {
            halted = ledger(s);
        }
        reader.enter(Phase.REPAIRING);
        Cli repair = Cli.expect(ExitCodes.OK, command);
        reader.enter(Phase.REPAIRED);
        reader.pollNow();
        reader.close();
        System.out.println("kill -9 matrix, " + warehouse + ", " + point + ": " + reader.summary());
        assertTrue(reader.views(Phase.REPAIRED) >= 2, reader.summary());
        assertWhole("after the repair, " + reader.summary(), reader.defects(Phase.REPAIRED));
        return new Repaired(halted, repair);
    }

    /**
     * The ledger after the repair: no row RUNNING; a batch halted under the lock is FAILED (the repairing run found it
     * dead), one halted before it left no row.
     *
     * @return the halted batch's id, or null when it left no row
     */
    static String assertLedger(Point point, Repaired run, Map<String, String> after, String undisturbedBatch) {
        assertTrue(after.values().stream().noneMatch("RUNNING"::equals), after.toString());
        assertEquals("COMPLETED", after.get(undisturbedBatch), after.toString());
        if (!point.leavesARunningRow()) {
            assertEquals(Map.of(undisturbedBatch, "COMPLETED"), run.halted(), "no ledger row before the lock: " + point);
            assertEquals(point.report() ? 1 : 2, after.size(), after.toString());
            return null;
        }
        assertEquals(2, run.halted().size(), "the halted batch wrote its RUNNING row: " + run.halted());
        String dead = run.halted().entrySet().stream().filter(e -> e.getValue().equals("RUNNING")).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError(run.halted().toString()));
        assertEquals("FAILED", after.get(dead), after + "\n" + run.repair().err());
        assertEquals(3, after.size(), after.toString());
        return dead;
    }

    /**
     * Two nightlies on one warehouse, together: the first stopped by its checkpoint right after it took the writer lock
     * (before its first commit), the second started then; once the second says it waits for the lock, the first goes
     * on. Both must exit 0: the overlap is made certain by the checkpoint, not by timing.
     */
    static void twoNightliesTogether(Path logs, String[] nightly, Path out, Callable<Sql> warehouse, Callable<Sql> single,
                                     Map<String, String> singleKibana) throws Exception {
        CliProcess first = CliProcess.start(logs, "first", List.of(), Map.of(Checkpoints.ENV, Checkpoints.BEFORE_FIRST_COMMIT + ":pause"),
                nightly);
        first.awaitPause(Checkpoints.BEFORE_FIRST_COMMIT, Duration.ofMinutes(5));
        CliProcess second = CliProcess.start(logs, "second", List.of(), Map.of(), nightly);
        second.awaitErr("waiting up to 10m (warehouse.lock_wait)", Duration.ofMinutes(5));
        first.resume();
        first.expectExit(ExitCodes.OK, Duration.ofMinutes(5));
        second.expectExit(ExitCodes.OK, Duration.ofMinutes(5));
        assertTrue(second.output().contains("is locked by nightly batch " + batchOf(first)), second.output());
        try (Sql sql = warehouse.call(); Sql one = single.call()) {
            // both runs start from an empty warehouse: first_batch_id names one of them, not the single run
            assertEquals(tables(one, BATCH_COLUMNS), tables(sql, BATCH_COLUMNS), "the tables equal a single run's");
            assertOneAfterTheOther(sql);
        }
        assertEquals(singleKibana, kibanaFiles(out), "the Kibana files equal a single run's");
    }

    /** The batch id a nightly printed. */
    private static String batchOf(CliProcess nightly) throws IOException {
        Matcher m = Pattern.compile("batch (" + BATCH_ID + ")").matcher(nightly.output());
        assertTrue(m.find(), nightly.output());
        return m.group(1);
    }

    /** Two COMPLETED batches in the ledger, the second started after the first ended: they never published at once. */
    private static void assertOneAfterTheOther(Sql sql) throws Exception {
        List<List<String>> rows = sql.query("select status, " + sql.text("started_at") + ", " + sql.text("finished_at") + " from "
                + WarehouseTables.BATCH + " order by started_at");
        assertEquals(3, rows.size(), rows.toString());
        assertEquals("COMPLETED", rows.get(1).get(0), rows.toString());
        assertEquals("COMPLETED", rows.get(2).get(0), rows.toString());
        assertTrue(rows.get(2).get(1).compareTo(rows.get(1).get(2)) >= 0, "the second started after the first ended: " + rows);
    }

    /**
     * A thread of the test process that reads the published tables over and over while the commands run, each view
     * tagged with the phase it was taken in. A poll that cannot be read at all (a file renamed away between listing and
     * reading) is counted, not judged: a reader retries that.
     */
    static final class PollingReader implements AutoCloseable {

        private final Sql sql;
        private final Map<String, Map<String, Long>> undisturbed;
        private final Map<Phase, List<List<String>>> defects = new TreeMap<>();
        private final Map<Phase, Integer> views = new TreeMap<>();
        private int unreadable;
        private volatile Phase phase = Phase.BEFORE;
        private volatile boolean running = true;
        private final Thread thread;

        PollingReader(Sql sql, Map<String, Map<String, Long>> undisturbed) {
            this.sql = sql;
            this.undisturbed = undisturbed;
            this.thread = new Thread(this::loop, "polling-reader");
            thread.setDaemon(true);
            thread.start();
        }

        /** Moves to the next phase, with one view taken at once so that every phase has at least one. */
        void enter(Phase next) {
            phase = next;
            pollNow();
        }

        synchronized void pollNow() {
            Phase at = phase;
            try {
                List<String> found = FaultMatrix.defects(view(sql), undisturbed);
                views.merge(at, 1, Integer::sum);
                if (!found.isEmpty()) defects.computeIfAbsent(at, p -> new ArrayList<>()).add(found);
            } catch (Exception e) {
                unreadable++;
            }
        }

        private void loop() {
            while (running) {
                pollNow();
                try {
                    Thread.sleep(100); // not a timing assumption: it only leaves the CPU to the commands between polls
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** The defective views of the given phases, each a list of defects. */
        synchronized List<List<String>> defects(Phase... phases) {
            List<List<String>> all = new ArrayList<>();
            for (Phase p : phases) all.addAll(defects.getOrDefault(p, List.of()));
            return all;
        }

        synchronized int views(Phase p) {
            return views.getOrDefault(p, 0);
        }

        /** One line for the test's output: views and defective views by phase. */
        synchronized String summary() {
            StringBuilder s = new StringBuilder();
            for (Phase p : Phase.values()) {
                s.append(p).append(' ').append(views(p)).append(" views/").append(defects.getOrDefault(p, List.of()).size())
                        .append(" torn; ");
            }
            List<List<String>> any = defects(Phase.values());
            return s.append(unreadable).append(" unreadable").append(any.isEmpty() ? "" : "; first torn view: " + any.get(0)).toString();
        }

        @Override
        public void close() throws Exception {
            if (!running) return;
            running = false;
            thread.interrupt();
            thread.join(60_000);
            sql.close();
        }
    }
}
