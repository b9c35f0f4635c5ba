package io.auditwarehouse.sources;

import io.auditwarehouse.model.Approval;
import io.auditwarehouse.model.QuarantineRecord;
import io.auditwarehouse.model.UserDirectory;

import java.util.List;

/** Approval records and users, small enough for the driver, from approvals.csv or the approval database. */
public record ApprovalData(List<Approval> approvals, UserDirectory users, long usersRead,
                           List<QuarantineRecord> rejected, List<String> description) {
}
