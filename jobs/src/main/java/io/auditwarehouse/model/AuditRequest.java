package io.auditwarehouse.model;

import java.time.Instant;

/**
 * A request line of the audit trail on a job: {@code /job/a/job/b/configSubmit by lee.dev}.
 * Only the actions the controls read are kept (configSubmit, doDelete, enable, disable).
 */
public record AuditRequest(
        String docId,
        String controller,
        String jobName,
        JobAction action,
        String userId,
        Instant timestamp) implements SourceEvent {

    /** What makes two request lines the same action, whatever document carried them. */
    public String identity() {
        return controller + '\u0001' + jobName + '\u0001' + action + '\u0001' + userId + '\u0001' + timestamp;
    }

    public enum JobAction {
        CONFIG_SUBMIT("configSubmit"), DELETE("doDelete"), ENABLE("enable"), DISABLE("disable");

        private final String uriVerb;

        JobAction(String uriVerb) {
            this.uriVerb = uriVerb;
        }

        public String uriVerb() {
            return uriVerb;
        }

        public boolean isConfigChange() {
            return this == CONFIG_SUBMIT || this == DELETE;
        }

        public static JobAction fromUriVerb(String verb) {
            for (JobAction a : values()) {
                if (a.uriVerb.equals(verb)) return a;
            }
            return null;
        }
    }
}
