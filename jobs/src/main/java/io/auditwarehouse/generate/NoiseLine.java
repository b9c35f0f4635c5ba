package io.auditwarehouse.generate;

import java.time.Instant;

/** An audit-trail line the controls ignore (configure page views, stop requests, log-ins). */
record NoiseLine(String controller, Instant at, String message) {
}
