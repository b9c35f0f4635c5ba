package io.auditwarehouse.cli;

import io.auditwarehouse.model.Severity;
import picocli.CommandLine.Option;

/** {@code --fail-on SEVERITY}, for the commands external schedulers gate on. */
public final class FailOnOption {

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "exit 5 if a finding at or above HIGH, MEDIUM, LOW or INFO exists")
    Severity severity;
}
