package io.auditwarehouse.generate;

import io.auditwarehouse.model.ReasonCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a realistic synthetic month in the real input formats (inputs.md §6) with planted control failures and
 * the findings docs/reconciliation-rules.md must produce for it ({@code ground-truth.csv}).
 * The same spec always yields byte-identical files.
 */
public final class MonthGenerator {

    public GenerationSummary generate(GeneratorSpec spec, Path outDir) throws IOException {
        World w = plan(spec);
        PlantLedger ledger = w.ledger;
        List<ExpectedFinding> truth = RuleOracle.evaluate(w);
        TreeSet<ExpectedFinding> intended = ledger.intended(w);

        Files.createDirectories(outDir.resolve("audit"));
        Random rng = new Random(spec.seed() * 31 + 7);
        Map<String, FileStats> files = new LinkedHashMap<>();
        files.put("approvals.csv", CsvWriters.approvals(w, outDir.resolve("approvals.csv"), rng));
        files.put("users.csv", CsvWriters.users(w, outDir.resolve("users.csv")));
        files.put("builds.ndjson", new BuildRecordsWriter(w).write(outDir.resolve("builds.ndjson"), rng));
        AuditTrailWriter audit = new AuditTrailWriter(w);
        for (String controller : spec.controllers()) {
            String name = "audit/" + controller + ".ndjson";
            files.put(name, audit.write(controller, outDir.resolve(name), rng));
        }
        CsvWriters.groundTruth(truth, outDir.resolve("ground-truth.csv"));

        Map<ReasonCode, Integer> findings = new EnumMap<>(ReasonCode.class);
        for (ReasonCode c : ReasonCode.values()) findings.put(c, 0);
        for (ExpectedFinding f : truth) findings.merge(f.code(), 1, Integer::sum);
        // sets: a million-run month has ~86,000 findings, and list look-ups made this step take longer than the month
        Set<ExpectedFinding> intendedSet = new HashSet<>(intended);
        Set<ExpectedFinding> truthSet = new HashSet<>(truth);
        List<String> unplanned = new ArrayList<>();
        for (ExpectedFinding f : truth) if (!intendedSet.contains(f)) unplanned.add(f.toString());
        List<String> missed = new ArrayList<>();
        for (ExpectedFinding f : intended) if (!truthSet.contains(f)) missed.add(f.toString());
        int runs = (int) w.runs.stream().filter(PlannedRun::visible).count();

        GenerationSummary summary = new GenerationSummary(outDir, spec.month(), spec.seed(), runs,
                OffsetDateTime.ofInstant(w.asOf, w.zone), spec.controllers(), files, ledger.plants(), findings,
                unplanned, missed);
        GenerationReport.write(summary, spec, outDir.resolve("generation.json"));
        return summary;
    }

    /** Ordinary month first, then the plants; numbers are assigned once nothing changes any more. */
    private static World plan(GeneratorSpec spec) {
        World w = new World(spec);
        RunPlanner planner = new RunPlanner(w);
        int dropped = (spec.plantsOf(ReasonCode.BUILD_NUMBER_GAP) * 6 + 4) / 5;
        planner.planRuns(spec.runs() + dropped);
        ManualRunPlants manual = new ManualRunPlants(w, w.ledger, planner);
        manual.overused();
        planner.numberRuns();
        BaseActivity base = new BaseActivity(w);
        base.plan();
        new JobPlants(w, w.ledger, base, planner).plant();
        manual.plant();
        new EvidencePlants(w, w.ledger, base, manual).plant();
        ApprovalNumbers.assign(w);
        return w;
    }
}
