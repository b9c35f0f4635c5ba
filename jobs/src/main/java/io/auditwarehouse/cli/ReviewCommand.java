package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.model.FindingReview;
import io.auditwarehouse.model.FindingStatus;
import io.auditwarehouse.review.ReviewImport;
import io.auditwarehouse.review.ReviewRecorder;
import io.auditwarehouse.review.ReviewRequest;
import io.auditwarehouse.runtime.SparkSessions;
import io.auditwarehouse.runtime.Warehouses;
import io.auditwarehouse.sinks.kibana.KibanaIndexes;
import io.auditwarehouse.sources.configured.Sources;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "review", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = {"Records the disposition of a finding in recon_finding_review (append-only; recon_finding_status gives the "
                + "current one): ACKNOWLEDGED, REMEDIATED, RISK_ACCEPTED or FALSE_POSITIVE with a reference, or APPROVED: a second "
                + "reviewer's approval of a RISK_ACCEPTED, which counts only then.",
                "The reviewer (--as, or review.reviewer) needs the COMPLIANCE or ADMIN role in users.csv / app_user and may not be "
                        + "the finding's actor, executor, requester or approver (four eyes): refused with exit 2.",
                "--import FILE.csv records many (header finding_id,disposition,reference,comment[,approves_review_id]): all rows or "
                        + "none. Recording the same review twice adds nothing. The Kibana finding documents get the new disposition."})
final class ReviewCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FINDING_ID", description = "the finding (recon_finding.finding_id)")
    String findingId;

    @Option(names = "--disposition", paramLabel = "D", description = "ACKNOWLEDGED, REMEDIATED, RISK_ACCEPTED, FALSE_POSITIVE or APPROVED")
    String disposition;

    @Option(names = "--reference", paramLabel = "R", description = "ticket, approval number or incident id (required but for APPROVED)")
    String reference;

    @Option(names = "--comment", paramLabel = "C", description = "free text")
    String comment;

    @Option(names = "--approves", paramLabel = "REVIEW_ID", description = "with APPROVED: the RISK_ACCEPTED review approved (default: the finding's latest)")
    String approves;

    @Option(names = "--as", paramLabel = "USER", description = "the reviewer's user id (default: review.reviewer)")
    String as;

    @Option(names = "--import", paramLabel = "FILE.csv", description = "record every row of the file, or none")
    Path importFile;

    @Override
    public Integer call() {
        AppConfig config = common.load();
        List<ReviewRequest> requests = requests();
        String reviewer = as != null ? as.strip() : config.review().reviewer();
        Instant now = Instant.now();
        SparkSession spark = SparkSessions.getOrCreate(config.sparkMaster());
        var users = Sources.users(spark, config);
        ReviewRecorder.Recorded done = new ReviewRecorder(Warehouses.open(spark, config), KibanaIndexes.forConfig(config))
                .record(users, reviewer, requests, now);
        PrintWriter out = spec.commandLine().getOut();
        for (FindingReview r : done.reviews()) {
            FindingStatus s = done.statuses().get(r.findingId());
            out.println(r.reviewId() + "  " + r.findingId() + "  " + r.disposition() + (r.approvesReviewId() == null ? "" : " " + r.approvesReviewId())
                    + "  -> now " + s.disposition() + (s.pendingDisposition() == null ? "" : " (" + s.pendingDisposition()
                    + " " + s.pendingReviewId() + " awaits a second reviewer's APPROVED)"));
        }
        out.println("review: " + done.added() + " of " + done.reviews().size() + " review(s) recorded by " + reviewer
                + (done.added() < done.reviews().size() ? " (the others were recorded before)" : "") + "; "
                + done.documentsUpdated() + " Kibana finding document(s) updated");
        out.flush();
        return ExitCodes.OK;
    }

    private List<ReviewRequest> requests() {
        if (importFile != null) {
            if (findingId != null || disposition != null || reference != null || comment != null || approves != null) {
                throw new ConfigException("--import", "give either --import FILE.csv or FINDING_ID with --disposition, not both");
            }
            return ReviewImport.read(importFile);
        }
        if (findingId == null) throw new ConfigException("FINDING_ID", "which finding? give FINDING_ID --disposition D --reference R, or --import FILE.csv");
        if (disposition == null) throw new ConfigException("--disposition", "required with FINDING_ID");
        return List.of(new ReviewRequest("", findingId.strip(), disposition.strip().toUpperCase(java.util.Locale.ROOT), reference, comment, approves));
    }
}
