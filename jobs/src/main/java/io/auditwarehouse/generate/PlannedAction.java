package io.auditwarehouse.generate;

import io.auditwarehouse.model.AuditRequest.JobAction;

import java.time.Instant;

/** A request line on a job that the controls read ({@code configSubmit}, {@code doDelete}, {@code enable}, {@code disable}). */
record PlannedAction(JobSpec job, JobAction action, String userId, Instant at) {
}
