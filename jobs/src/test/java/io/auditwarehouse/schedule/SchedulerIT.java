package io.auditwarehouse.schedule;

import io.auditwarehouse.cli.Cli;
import io.auditwarehouse.testing.ChatReceiver;
import io.auditwarehouse.testing.CliProcess;
import io.auditwarehouse.testing.MySqlServer;
import io.auditwarehouse.testing.RealServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduler as real separate JVMs sharing one MySQL warehouse (Quartz clustered JDBC job store), driven by the probe
 * job: each slot once across nodes, never overlapping, one catch-up run after downtime, a killed node's run recovered.
 */
@ExtendWith(RealServices.class)
class SchedulerIT {

    private static final Pattern STARTED = Pattern.compile("run started\\s+(\\S+) slot=(\\S+) fired=(\\S+) instance=(\\S+)( recovering)?");

    @TempDir
    Path tmp;

    private final List<Node> nodes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        for (Node n : nodes) if (n.cli.process().isAlive()) n.cli.process().destroyForcibly();
    }

    /** A row of recon_batch written by the scheduler. */
    record Row(String batchId, String status, Instant started, Instant finished, String message) {
    }

    /** One "run started" line of a node's output. */
    record Start(String batchId, Instant slot, String instance, boolean recovering) {
    }

    final class Node {
        final String name;
        final CliProcess cli;

        Node(String name, Path config) throws IOException {
            this.name = name;
            this.cli = CliProcess.start(tmp, name, List.of("-Xmx256m"), Map.of(), "scheduler", "--config", config.toString());
            nodes.add(this);
        }

        List<Start> starts() throws IOException {
            List<Start> s = new ArrayList<>();
            for (String line : cli.out().lines().toList()) {
                Matcher m = STARTED.matcher(line);
                if (m.find()) s.add(new Start(m.group(1), Instant.parse(m.group(2)), m.group(4), m.group(5) != null));
            }
            return s;
        }

        String output() throws IOException {
            return cli.output();
        }

        /** SIGTERM, and waits for the clean shutdown. */
        void stop() throws Exception {
            cli.process().destroy();
            assertTrue(cli.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS), name + " did not stop on SIGTERM");
            assertTrue(output().contains("scheduler stopped after"), name + " printed no stop summary:\n" + output());
        }
    }

    private Path config(MySqlServer server, String schema, String... schedule) throws IOException {
        Path password = Files.writeString(tmp.resolve("pw-" + schema), server.password());
        List<String> lines = new ArrayList<>(List.of("warehouse:", "  jdbc_url: jdbc:mysql://" + server.host() + ":" + server.port() + "/",
                "  schema: " + schema, "  user: " + server.user(), "  password_file: " + password, "business:", "  zone: Asia/Seoul",
                "schedule:", "  nightly: \"\"", "  report: \"\"", "  digest: \"\"", "  cluster_checkin: 1s"));
        for (String s : schedule) lines.add("  " + s);
        return Files.writeString(tmp.resolve("scheduler-" + schema + "-" + lines.hashCode() + ".yaml"), String.join("\n", lines) + "\n");
    }

    private static List<Row> ledger(MySqlServer.TestDatabase db) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT batch_id, status, started_at, finished_at, message FROM recon_batch "
                     + "WHERE kind = 'scheduled-probe' ORDER BY started_at")) {
            while (r.next()) {
                rows.add(new Row(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant(),
                        r.getTimestamp(4) == null ? null : r.getTimestamp(4).toInstant(), r.getString(5)));
            }
        }
        return rows;
    }

    private static void waitFor(Duration max, String what, CheckedCondition done) throws Exception {
        Instant until = Instant.now().plus(max);
        while (!done.holds()) {
            assertTrue(Instant.now().isBefore(until), "timed out waiting for " + what);
            Thread.sleep(200);
        }
    }

    interface CheckedCondition {
        boolean holds() throws Exception;
    }

    private static String instanceOf(Row r) {
        Matcher m = Pattern.compile("instance (\\S+?),").matcher(r.message());
        return m.find() ? m.group(1) : "?";
    }

    @Test
    void twoNodesRunEachSlotExactlyOnce(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_sched_once")) {
            Path config = config(server, db.name(), "probe: \"0/2 * * * * ?\"", "probe_sleep: 300ms");
            Cli.expect(0, "migrate", "--config", config.toString());
            Node a = new Node("a", config);
            Node b = new Node("b", config);
            // counted in runs, not seconds: on a busy machine the nodes start later, the slots keep coming
            waitFor(Duration.ofMinutes(3), "13 slots run by the two nodes", () -> a.starts().size() + b.starts().size() >= 13);
            // Quartz does not spread runs evenly: stop the node that ran them, the other one goes on with the next slot
            Node first = a.starts().size() >= b.starts().size() ? a : b;
            Node other = first == a ? b : a;
            first.stop();
            int before = other.starts().size();
            waitFor(Duration.ofMinutes(3), "13 more slots run by the other node", () -> other.starts().size() >= before + 13);
            other.stop();
            List<Start> starts = new ArrayList<>(a.starts());
            starts.addAll(b.starts());
            Map<String, Long> perSlot = starts.stream().collect(Collectors.groupingBy(Start::batchId, TreeMap::new, Collectors.counting()));
            List<Row> rows = ledger(db);
            Map<String, Long> perInstance = rows.stream().collect(Collectors.groupingBy(SchedulerIT::instanceOf, TreeMap::new, Collectors.counting()));
            System.out.printf("[SchedulerIT] once: %d slots, %d rows, runs per instance %s%n", perSlot.size(), rows.size(), perInstance);
            assertTrue(perSlot.size() >= 25, "about 30 slots in a minute, got " + perSlot);
            perSlot.forEach((slot, n) -> assertEquals(1L, n, slot + " ran " + n + " times"));
            assertEquals(2, perInstance.size(), "both nodes ran slots: " + perInstance);
            assertEquals(perSlot.keySet(), rows.stream().map(Row::batchId).collect(Collectors.toSet()));
            assertTrue(rows.stream().allMatch(r -> r.status().equals("COMPLETED")), rows.toString());
            // every 2-second slot between the first and the last, none skipped
            List<Instant> slots = starts.stream().map(Start::slot).sorted().toList();
            assertEquals(Duration.between(slots.get(0), slots.get(slots.size() - 1)).toSeconds() / 2 + 1, slots.size(), slots.toString());
        }
    }

    @Test
    void aLongProbeRunIsNeverOverlapped(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_sched_overlap")) {
            Path config = config(server, db.name(), "probe: \"* * * * * ?\"", "probe_sleep: 2500ms", "misfire_threshold: 1s");
            Cli.expect(0, "migrate", "--config", config.toString());
            Node a = new Node("a", config);
            Node b = new Node("b", config);
            waitFor(Duration.ofMinutes(3), "six runs completed", () -> ledger(db).stream().filter(r -> r.finished() != null).count() >= 6);
            a.stop();
            b.stop();
            List<Row> rows = ledger(db);
            System.out.printf("[SchedulerIT] overlap: %d runs of 2.5 s on a 1 s trigger: %s%n", rows.size(),
                    rows.stream().map(r -> r.started() + ".." + r.finished()).toList());
            assertTrue(rows.size() >= 5, rows.toString());
            for (int i = 1; i < rows.size(); i++) {
                Row prev = rows.get(i - 1);
                Row next = rows.get(i);
                assertTrue(prev.finished() != null && !next.started().isBefore(prev.finished()),
                        "run " + next.batchId() + " started at " + next.started() + " while " + prev.batchId() + " ran until " + prev.finished());
            }
            assertTrue(rows.stream().allMatch(r -> r.status().equals("COMPLETED")), rows.toString());
        }
    }

    @Test
    void afterDowntimeAcrossSeveralSlotsExactlyOneCatchUpRun(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_sched_misfire")) {
            Path config = config(server, db.name(), "probe: \"0/3 * * * * ?\"", "probe_sleep: 200ms", "misfire_threshold: 1s");
            Cli.expect(0, "migrate", "--config", config.toString());
            Node first = new Node("first", config);
            waitFor(Duration.ofSeconds(30), "two runs", () -> first.starts().size() >= 2);
            first.stop();
            Instant stopped = Instant.now();
            Thread.sleep(11_000); // three or four 3-second slots missed
            Instant restarted = Instant.now();
            Predicate<Instant> onSlot = t -> t.getNano() == 0 && t.getEpochSecond() % 3 == 0;
            Node second = new Node("second", config);
            // until the schedule has gone on past the catch-up, however long the node takes to start on a busy machine
            waitFor(Duration.ofMinutes(2), "a run on a regular slot after the restart", () -> second.starts().stream()
                    .anyMatch(st -> onSlot.test(st.slot()) && st.slot().isAfter(restarted)));
            second.stop();
            List<Start> after = second.starts();
            List<Start> catchUp = after.stream().filter(s -> !onSlot.test(s.slot())).toList();
            List<Start> missedSlots = after.stream().filter(s -> onSlot.test(s.slot()) && s.slot().isAfter(stopped)
                    && s.slot().isBefore(restarted)).toList();
            System.out.printf("[SchedulerIT] misfire: down %s..%s; after restart %s%n", stopped, restarted, after);
            assertEquals(1, catchUp.size(), "one catch-up run: " + after);
            assertEquals(List.of(), missedSlots, "missed slots are not run one by one");
            assertTrue(after.size() >= 2, "the schedule goes on after the catch-up: " + after);
            assertTrue(ledger(db).stream().allMatch(r -> r.status().equals("COMPLETED")));
        }
    }

    @Test
    void aRunWhoseNodeIsKilledIsRecoveredByTheOtherNode(MySqlServer server) throws Exception {
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_sched_recover")) {
            Path config = config(server, db.name(), "probe: \"0/20 * * * * ?\"", "probe_sleep: 6s");
            Cli.expect(0, "migrate", "--config", config.toString());
            Node a = new Node("a", config);
            Node b = new Node("b", config);
            waitFor(Duration.ofSeconds(40), "a probe run", () -> !a.starts().isEmpty() || !b.starts().isEmpty());
            Node victim = a.starts().isEmpty() ? b : a;
            Node survivor = victim == a ? b : a;
            Start interrupted = victim.starts().get(0);
            victim.cli.process().destroyForcibly(); // SIGKILL mid-run
            victim.cli.process().waitFor();
            Instant killed = Instant.now();
            waitFor(Duration.ofSeconds(60), "the recovered run of " + interrupted.batchId(), () -> ledger(db).stream()
                    .anyMatch(r -> r.batchId().equals(interrupted.batchId()) && r.status().equals("COMPLETED")));
            Duration took = Duration.between(killed, Instant.now());
            survivor.stop();
            List<Start> recovered = survivor.starts().stream().filter(s -> s.batchId().equals(interrupted.batchId())).toList();
            List<Row> rows = ledger(db).stream().filter(r -> r.batchId().equals(interrupted.batchId())).toList();
            System.out.printf("[SchedulerIT] recovery: %s killed on %s, completed by %s %s s after the kill; row %s%n",
                    interrupted.batchId(), interrupted.instance(), recovered, took.toSeconds(), rows);
            assertEquals(1, recovered.size(), survivor.output());
            assertTrue(recovered.get(0).recovering(), "flagged as a recovery: " + recovered);
            assertEquals(interrupted.slot(), recovered.get(0).slot(), "the recovered run keeps the slot");
            assertEquals(1, rows.size());
            assertEquals("COMPLETED", rows.get(0).status());
            assertTrue(rows.get(0).message().contains(recovered.get(0).instance()), rows.toString());
        }
    }

    @Test
    void thePasswordNeverAppearsInWhatTheSchedulerPrints(MySqlServer server) throws Exception {
        String password = "Pw-" + java.util.UUID.randomUUID();
        try (MySqlServer.TestDatabase db = server.newDatabase("aw_sched_secret");
             MySqlServer.TestUser writer = server.newUser("aw_sched_w", password).grant("ALL", db)) {
            Path file = Files.writeString(tmp.resolve("writer-password"), password);
            Path config = Files.writeString(tmp.resolve("secret.yaml"), String.join("\n", "warehouse:",
                    "  jdbc_url: jdbc:mysql://" + server.host() + ":" + server.port() + "/", "  schema: " + db.name(),
                    "  user: " + writer.name(), "  password_file: " + file, "schedule:", "  nightly: \"\"", "  report: \"\"",
                    "  digest: \"\"", "  probe: \"* * * * * ?\"", "  probe_sleep: 100ms", "  cluster_checkin: 1s", ""));
            Cli.expect(0, "migrate", "--config", config.toString());
            Node n = new Node("secret", config);
            waitFor(Duration.ofSeconds(30), "a probe run", () -> !n.starts().isEmpty());
            n.stop();
            assertTrue(n.output().contains(writer.name()) || n.output().contains("scheduler"), n.output());
            assertTrue(!n.output().contains(password), "the password was printed:\n" + n.output());
            assertTrue(ledger(db).stream().anyMatch(r -> r.status().equals("COMPLETED")));
        }
    }

    @Test
    void aScheduledNightlyReconcilesAndRecordsItsSlotInTheEmbeddedWarehouse() throws Exception {
        Path input = workedExample();
        Path config = Files.writeString(tmp.resolve("embedded.yaml"), String.join("\n", "schedule:",
                "  nightly: \"" + cronSecondsFromNow(6) + "\"", "  report: \"\"", "  digest: \"\"", ""));
        io.auditwarehouse.config.AppConfig app = io.auditwarehouse.config.ConfigLoader.load(config, input, tmp.resolve("out"));
        String text = oneScheduledRun(app, "run completed nightly-");
        System.out.printf("[SchedulerIT] embedded nightly: %s%n", text.lines().filter(l -> l.contains("run ")).toList());
        assertTrue(text.contains("run completed nightly-"), text);
        var batches = io.auditwarehouse.runtime.Warehouses.open(io.auditwarehouse.runtime.SparkSessions.getOrCreate(app.sparkMaster()), app)
                .read("recon_batch");
        List<org.apache.spark.sql.Row> rows = batches.filter("kind in ('nightly', 'scheduled-nightly')").select("kind", "status", "batch_id").collectAsList();
        System.out.printf("[SchedulerIT] embedded ledger: %s%n", rows);
        assertTrue(rows.stream().anyMatch(r -> r.getString(0).equals("scheduled-nightly") && r.getString(1).equals("COMPLETED")
                && r.getString(2).matches("nightly-\\d{8}T\\d{6}\\+0900")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.getString(0).equals("nightly") && r.getString(1).equals("COMPLETED")), rows.toString());
    }

    /**
     * Chat alerts from scheduled runs: a scheduled nightly tells a target of the findings it has not had (here those a
     * nightly published before the target was configured), and a scheduled nightly that fails says so with exit code 2.
     */
    @Test
    void aScheduledNightlyAnnouncesFindingsNoTargetHasHadAndAFailedOneItsExitCode() throws Exception {
        Path input = workedExample();
        Path out = tmp.resolve("chat-out");
        Cli.expect(0, "nightly", "--input", input.toString(), "--out", out.toString(), "--date", "2026-10-01",
                "--as-of", "2026-10-10T00:00:00+09:00");
        try (ChatReceiver chat = ChatReceiver.start()) {
            String targets = "report: {locale: ko}\nnotify:\n  targets:\n" + ChatReceiver.webhookTarget("slack", chat.url("/hooks/slack"), tmp);
            Path config = Files.writeString(tmp.resolve("chat.yaml"), "schedule: {nightly: \"" + cronSecondsFromNow(6)
                    + "\", report: \"\", digest: \"\"}\n" + targets);
            String ran = oneScheduledRun(io.auditwarehouse.config.ConfigLoader.load(config, input, out), "run completed nightly-");
            assertTrue(ran.contains("run completed nightly-"), ran);
            List<ChatReceiver.Request> sent = chat.requests("/hooks/slack");
            assertEquals(1, sent.size());
            String text = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sent.get(0).body()).get("text").asText();
            assertTrue(text.startsWith("[감사 증적 웨어하우스] 새 지적사항 1건 (HIGH 이상)\nC2 직무 분리: 1건\n- 2026-10-01 C2 HIGH batch-a/payments/settle #12"), text);

            Files.writeString(config, "schedule: {nightly: \"" + cronSecondsFromNow(6) + "\", report: \"\", digest: \"\"}\n" + targets);
            String failed = oneScheduledRun(io.auditwarehouse.config.ConfigLoader.load(config, tmp.resolve("no-input"), out), "run FAILED");
            assertTrue(failed.contains("run FAILED"), failed);
            sent = chat.requests("/hooks/slack");
            assertEquals(2, sent.size(), "the failure, and no finding again");
            text = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sent.get(1).body()).get("text").asText();
            assertTrue(text.matches("(?s)\\[감사 증적 웨어하우스\\] 배치 실패: scheduled nightly nightly-\\d{8}T\\d{6}\\+0900, 종료 코드 2: input\\.dir: .*"), text);
        }
    }

    private Path workedExample() throws Exception {
        Path input = tmp.resolve("input");
        Path example = Path.of(SchedulerIT.class.getResource("/worked-example").toURI());
        try (var paths = Files.walk(example)) {
            for (Path p : paths.toList()) {
                Path target = input.resolve(example.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return input;
    }

    /** One slot, a few seconds from now (business zone Asia/Seoul, the default). */
    private static String cronSecondsFromNow(int seconds) {
        java.time.ZonedDateTime at = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Seoul")).plusSeconds(seconds);
        return at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " * * ?";
    }

    /** Runs an in-memory scheduler until its output says {@code until} (or a run failed); returns what it printed. */
    private static String oneScheduledRun(io.auditwarehouse.config.AppConfig app, String until) throws Exception {
        java.io.StringWriter printed = new java.io.StringWriter();
        java.io.PrintWriter pw = new java.io.PrintWriter(printed);
        SchedulerRuntime runtime = new SchedulerRuntime(app, pw, pw);
        SchedulerService service = SchedulerService.create(app, runtime);
        assertTrue(!service.clustered());
        service.start();
        try {
            waitFor(Duration.ofSeconds(240), "a scheduled run", () -> {
                synchronized (pw) {
                    return printed.toString().contains(until) || printed.toString().contains("run FAILED");
                }
            });
        } finally {
            service.shutdown();
        }
        synchronized (pw) {
            return printed.toString();
        }
    }
}
