package io.auditwarehouse.sources.files;

import io.auditwarehouse.model.QuarantineRecord;

import java.util.List;

/** The rows of a file that could be read, and the quarantine records of those that could not. */
public record Parsed<T>(List<T> rows, List<QuarantineRecord> rejected) {

    public Parsed {
        rows = List.copyOf(rows);
        rejected = List.copyOf(rejected);
    }
}
