package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.AuditRequest;
import io.auditwarehouse.model.ControlCatalog;
import io.auditwarehouse.model.ControlStatus;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.model.JobKey;
import io.auditwarehouse.model.ReasonCode;
import io.auditwarehouse.model.RuleSettings;
import io.auditwarehouse.model.Run;
import io.auditwarehouse.model.RunKey;
import io.auditwarehouse.model.SourceEvent;
import io.auditwarehouse.model.UserDirectory;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The reconciliation steps as small serializable functions: assemble a run from its events, rank and judge runs,
 * find build-number gaps, judge job actions and approvals. {@code job.ReconcilePipeline} puts them together over
 * RDDs grouped by run key, approval number, job and action identity; the rule tests put them together over plain
 * collections ({@code InMemoryReconciliation}).
 */
public final class Reconciler implements Serializable {

    private final ControlCatalog catalog;
    private final RuleSettings settings;
    private final RunAssembler assembler;
    private final RunRules runRules;
    private final JobActionRules actionRules;
    private final BuildNumberGaps gaps;
    private final ApprovalRules approvalRules;

    public Reconciler(ControlCatalog catalog, RuleSettings settings, Collection<Approval> approvals, UserDirectory users,
                      Instant asOf) {
        this.catalog = catalog;
        this.settings = settings.withEvidence(users.known(), settings.bothEvidenceSources());
        FindingFactory findings = new FindingFactory(catalog, this.settings);
        ApprovalIndex index = new ApprovalIndex(approvals);
        this.assembler = new RunAssembler(users);
        this.runRules = new RunRules(index, users, this.settings, findings, asOf);
        this.actionRules = new JobActionRules(index, this.settings, findings, asOf);
        this.gaps = new BuildNumberGaps(this.settings, findings);
        this.approvalRules = new ApprovalRules(findings, asOf);
    }

    public Run assemble(RunKey key, Iterable<? extends SourceEvent> events) {
        return assembler.assemble(key, events);
    }

    /** @param outline the parts of these same documents, merged once for the run's outline and its assembly */
    public Run assemble(RunKey key, Iterable<? extends SourceEvent> events, OutlineParts outline) {
        return assembler.assemble(key, events, outline);
    }

    public ReconciledRun evaluate(ApprovalCoverage.RankedRun ranked) {
        return runRules.evaluate(ranked);
    }

    public List<Finding> gaps(JobKey job, Iterable<BuildNumberGaps.BuildStart> builds) {
        return gaps.find(job, builds);
    }

    public JudgedAction evaluate(AuditRequest action) {
        return new JudgedAction(action, actionRules.evaluate(action).orElse(null));
    }

    public Optional<Finding> unused(Approval approval, long coveredRuns) {
        return approvalRules.evaluate(approval, coveredRuns);
    }

    public LocalDate businessDate(Instant t) {
        return t.atZone(settings.businessZone()).toLocalDate();
    }

    /** The run's contributions to recon_daily_summary: one per control whose population it belongs to. */
    public List<SummaryCell> summaryCells(ReconciledRun r) {
        List<SummaryCell> cells = new ArrayList<>();
        for (String control : populations(r.run())) {
            boolean exception = r.findings().stream().anyMatch(f -> f.controlId().equals(control));
            cells.add(SummaryCell.member(r.businessDate(), r.run().controller(), control, exception,
                    r.status() == ControlStatus.PENDING));
        }
        for (Finding f : r.findings()) cells.add(findingCell(f));
        return cells;
    }

    /** A job action's contributions: a member of C4's population, and its finding if any. */
    public List<SummaryCell> summaryCells(JudgedAction judged) {
        AuditRequest action = judged.action();
        List<SummaryCell> cells = new ArrayList<>();
        cells.add(SummaryCell.member(businessDate(action.timestamp()), action.controller(),
                catalog.controlOf(ReasonCode.UNAPPROVED_CONFIG_CHANGE), judged.finding() != null, false));
        if (judged.finding() != null) cells.add(findingCell(judged.finding()));
        return cells;
    }

    /** A finding that belongs to no run or action (a gap, an unused approval): counted by severity only. */
    public SummaryCell findingCell(Finding f) {
        return SummaryCell.finding(f.businessDate(), f.controller(), f.controlId(), f.severity());
    }

    private Iterable<String> populations(Run run) {
        return ControlPopulations.ofRun(catalog::controlOf, run.manualRulesApply(), "FAILURE".equals(run.result()));
    }
}
