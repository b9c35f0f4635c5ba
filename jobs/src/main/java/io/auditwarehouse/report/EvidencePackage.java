package io.auditwarehouse.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.report.content.ReportContent.Restatement;
import io.auditwarehouse.report.content.ReportContent.SampleItem;
import io.auditwarehouse.report.content.ReportContent;
import io.auditwarehouse.runtime.SoftwareVersion;
import io.auditwarehouse.sinks.WarehouseSink;
import io.auditwarehouse.sinks.WarehouseTables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The monthly evidence package for auditors: reads the warehouse tables, writes the files and the manifest.
 * It is rendered beside the package it replaces and swapped in at the end; a replaced package whose data differ
 * is kept under {@code reports/superseded/}, and the new one lists the restated findings.
 */
public final class EvidencePackage {

    static final String SAMPLE_CSV = "csv/auditor_sample.csv";
    static final String RESTATEMENTS_CSV = "csv/" + Restatements.FILE;

    private final WarehouseSink warehouse;
    private final PackageRequest request;

    private EvidencePackage(WarehouseSink warehouse, PackageRequest request) {
        this.warehouse = warehouse;
        this.request = request;
    }

    /** Writes {@code <reportsDir>/<YYYY-MM>/} from the warehouse's current snapshot and returns what was written. */
    public static RenderedPackage render(WarehouseSink warehouse, Path reportsDir, PackageRequest request) throws IOException {
        // one snapshot for every read of the package, and its version in the manifest (reproduce reads it again)
        OptionalLong version = warehouse.version();
        WarehouseSink pinned = version.isPresent() && version.getAsLong() > 0 ? warehouse.at(version.getAsLong()) : warehouse;
        return new EvidencePackage(pinned, request).render(reportsDir, null);
    }

    /**
     * Re-renders the package issued in {@code <reportsDir>/<YYYY-MM>/} into {@code <reportsDir>/reproduced/<YYYY-MM>/},
     * from the snapshot its manifest names and with the values it recorded (seed, chain, restatements, the PDF's
     * generation time), never touching the issued one; then compares the two ({@link Reproduction}).
     *
     * @param warehouse the warehouse at the snapshot the issued manifest names ({@link #issuedSnapshot})
     */
    public static Reproduction reproduce(WarehouseSink warehouse, Path reportsDir, PackageRequest request) throws IOException {
        Path issuedDir = reportsDir.resolve(request.month().toString());
        IssuedPackage issued = IssuedPackage.at(issuedDir);
        Replay replay = Replay.of(issued);
        RenderedPackage again = new EvidencePackage(warehouse, request.withFormats(replay.formats())).render(reportsDir, replay);
        return Reproduction.compare(issuedDir, again);
    }

    /** The snapshot version the issued package of the month was rendered from, or a one-line reason why there is none. */
    public static long issuedSnapshot(Path reportsDir, java.time.YearMonth month) throws IOException {
        return Replay.snapshotOf(IssuedPackage.at(reportsDir.resolve(month.toString())), reportsDir.resolve(month.toString()));
    }

    private RenderedPackage render(Path reportsDir, Replay replay) throws IOException {
        try (MonthTables tables = MonthTables.of(warehouse, request.month())) {
            return render(reportsDir, tables, replay);
        }
    }

    private RenderedPackage render(Path reportsDir, MonthTables tables, Replay replay) throws IOException {
        Path home = replay == null ? reportsDir : reportsDir.resolve(Reproduction.DIR);
        Path dir = home.resolve(request.month().toString());
        Path staging = home.resolve(request.month() + ".rendering");
        PackageFiles.delete(staging);
        Files.createDirectories(staging);
        IssuedPackage issued = IssuedPackage.at(replay == null ? dir : reportsDir.resolve(request.month().toString()));
        PackagePseudonyms names = PackagePseudonyms.forRendering(request, replay, tables, issued);
        tables.mask(names.mask());
        Map<Path, Long> rowCounts = new HashMap<>();
        List<Path> files = new ArrayList<>(CsvPackage.write(staging, tables, rowCounts,
                replay == null ? Map.of() : issued.csvColumns(tables.tables())));
        Checkpoints.reach(Checkpoints.RENDERING_PACKAGE); // test-only fault injection, a no-op otherwise

        List<Restatement> changes = replay != null || !issued.exists() ? List.of() : Restatements.between(names.issuedFindings(issued),
                Restatements.readFindings(staging.resolve("csv/" + WarehouseTables.FINDING + ".csv")), Restatements.detailsIn(request.settings().locale()));
        // unchanged findings keep the restatements of the package being re-issued, so a re-render is identical
        List<Restatement> restatements = issued.exists() && changes.isEmpty() ? names.issuedRestatements(issued) : changes;
        Restatements.write(staging.resolve(RESTATEMENTS_CSV), restatements);
        files.add(Path.of(RESTATEMENTS_CSV));

        ObjectNode m = Manifest.JSON.createObjectNode();
        m.put("period", request.month().toString());
        m.put("software_version", SoftwareVersion.get());
        m.put("locale", request.settings().locale());
        names.record(m);
        OptionalLong version = warehouse.version();
        if (version.isPresent() && version.getAsLong() > 0) m.put("snapshot_version", version.getAsLong());
        Instant asOf = inputs(tables, m);
        ObjectNode counts = m.putObject("row_counts");
        String previousSha;
        if (replay != null) {
            previousSha = replay.previousManifestSha256();
        } else {
            Path previous = Manifest.previousManifest(staging, request.month());
            previousSha = Files.exists(previous) ? Manifest.sha256(previous) : null;
        }

        // the sample is drawn while the content is computed; its CSV joins the data files before they are digested
        ReportContents.Header header = new ReportContents.Header(request.zone(), asOf, SoftwareVersion.get(), null,
                previousSha, replay == null ? request.seed() : replay.seed(), replay == null ? request.seedSource() : replay.seedSource());
        // reviews are not versioned: the package shows those recorded up to its own instant, which it records
        Instant generatedAt = replay != null && replay.pdfGeneratedAt() != null ? replay.pdfGeneratedAt() : Instant.now();
        Instant reviewsAsOf = replay != null && replay.reviewsAsOf() != null ? replay.reviewsAsOf() : generatedAt;
        Instant reviewsSince = replay != null ? replay.reviewsSince() : issued.reviewsAsOf();
        MonthReviews reviews = MonthReviews.of(warehouse, tables.collect(WarehouseTables.FINDING), reviewsSince, reviewsAsOf);
        List<Restatement> shown = new ArrayList<>(restatements);
        shown.addAll(names.masked(reviews.since()));
        ReportContent content = ReportContents.build(tables, request.settings(), header, shown, reviews.statuses());
        SampleCsv.write(staging.resolve(SAMPLE_CSV), content.sample());
        files.add(Path.of(SAMPLE_CSV));
        String contentSha = Manifest.contentDigest(staging, files);
        content = withDigest(content, contentSha);

        // the PDF's cover names when it was generated (generatedAt): recorded, so that a reproduction prints the same instant
        files.addAll(Renderings.writeAll(request, content, tables, staging, generatedAt));
        for (Path f : files) {
            if (!f.startsWith("csv")) continue;
            Long rows = rowCounts.get(f);
            counts.put(f.getFileName().toString().replace(".csv", ""), rows != null ? rows : PackageFiles.csvRows(staging.resolve(f)));
        }
        controlTotals(content, m.putObject("control_totals"));
        sampling(content, m.putObject("sampling"));
        m.put("content_sha256", contentSha);
        if (request.formats().contains(PackageRequest.PDF)) m.put("pdf_generated_at", generatedAt.toString());
        m.put("reviews_as_of", reviewsAsOf.toString());
        if (reviewsSince == null) m.putNull("reviews_since");
        else m.put("reviews_since", reviewsSince.toString());
        m.set("restatements", issued.exists() && changes.isEmpty() ? issued.restatementNode()
                : changes.isEmpty() ? Manifest.JSON.nullNode() : restatementNode(issued, changes));
        m.set("outputs", Manifest.outputs(staging, files));
        if (previousSha == null) m.putNull("previous_manifest_sha256");
        else m.put("previous_manifest_sha256", previousSha);
        Manifest.write(staging, m);

        if (replay != null) {
            PackageFiles.delete(dir);
            Files.move(staging, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new RenderedPackage(dir, files, content, null, null);
        }
        Path superseded = issued.replaceWith(staging, contentSha, reportsDir.resolve("superseded"));
        return new RenderedPackage(dir, files, content, superseded, changes.isEmpty() ? null : changes.size());
    }

    /** The batches that published the month: their as-of instants and what they read; returns the latest as-of. */
    private Instant inputs(MonthTables tables, ObjectNode m) {
        var batches = warehouse.read(WarehouseTables.BATCH);
        Instant asOf = null;
        var inputs = m.putArray("inputs");
        if (batches != null && !tables.batchIds().isEmpty()) {
            for (var b : batches.filter(org.apache.spark.sql.functions.col("batch_id").isin(tables.batchIds().toArray()))
                    .orderBy("batch_id").collectAsList()) {
                ObjectNode i = inputs.addObject();
                i.put("batch_id", b.<String>getAs("batch_id"));
                Instant at = ReportContents.instant(b.getAs("as_of"));
                i.put("as_of", String.valueOf(at));
                for (String c : List.of("builds_read", "audit_read", "approvals_read", "users_read", "quarantined")) {
                    i.put(c, b.<Long>getAs(c));
                }
                if (at != null && (asOf == null || at.isAfter(asOf))) asOf = at;
            }
        }
        m.put("as_of", String.valueOf(asOf));
        return asOf;
    }

    private static void controlTotals(ReportContent content, ObjectNode totals) {
        for (var c : content.controls()) {
            ObjectNode n = totals.putObject(c.controlId());
            n.put("population", c.population());
            n.put("exceptions", c.exceptions());
            n.put("pending", c.pending());
            n.put("findings", c.findings());
        }
    }

    private void sampling(ReportContent content, ObjectNode s) {
        s.put("seed", content.seed());
        s.put("seed_source", content.seedSource());
        s.put("method", "per control, the members with the lowest SHA-256 of \"<seed>:<control>:<unit>\" (hex), "
                + "unit as in " + SAMPLE_CSV);
        ObjectNode sizes = s.putObject("controls");
        Map<String, long[]> drawn = new TreeMap<>();
        for (SampleItem i : content.sample()) drawn.computeIfAbsent(i.controlId(), k -> new long[]{0, i.population()})[0]++;
        for (var c : content.controls()) {
            ObjectNode n = sizes.putObject(c.controlId());
            n.put("size", request.settings().sampleSize(c.controlId()));
            long[] d = drawn.getOrDefault(c.controlId(), new long[2]);
            n.put("drawn", d[0]);
            n.put("population", d[1]);
        }
    }

    private static ObjectNode restatementNode(IssuedPackage issued, List<Restatement> changes) throws IOException {
        ObjectNode r = Manifest.JSON.createObjectNode();
        if (issued.exists()) r.put("against_manifest_sha256", issued.manifestSha256());
        for (String kind : List.of("ADDED", "REMOVED", "CHANGED")) {
            r.put(kind.toLowerCase(), changes.stream().filter(c -> c.change().equals(kind)).count());
        }
        return r;
    }

    private static ReportContent withDigest(ReportContent c, String contentSha) {
        return new ReportContent(c.month(), c.locale(), c.zone(), c.asOf(), c.softwareVersion(), c.controllers(),
                contentSha, c.previousManifestSha256(), c.seed(), c.seedSource(), c.controls(), c.trend(), c.exceptions(),
                c.failureReports(), c.completeness(), c.sample(), c.restatements());
    }

    /** The package written: its folder and files, its content, and where a replaced package was kept (or null). */
    public record RenderedPackage(Path dir, List<Path> files, ReportContent content, Path superseded,
                                  Integer restatedFindings) {
    }
}
