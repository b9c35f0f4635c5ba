package io.auditwarehouse.review;

import io.auditwarehouse.config.ConfigException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A bulk review file: CSV (UTF-8, a byte-order mark allowed) with the header {@code finding_id,disposition,reference,comment}
 * and optionally {@code approves_review_id}. Read whole before anything is recorded; a malformed row is named by its line.
 */
public final class ReviewImport {

    static final List<String> REQUIRED = List.of("finding_id", "disposition", "reference", "comment");
    static final Set<String> KNOWN = Set.of("finding_id", "disposition", "reference", "comment", "approves_review_id");
    private static final String OPTION = "--import";

    private ReviewImport() {
    }

    public static List<ReviewRequest> read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != '\uFEFF') in.reset();
            return read(in, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException(OPTION, file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static List<ReviewRequest> read(Reader in, String name) throws IOException {
        CSVParser csv;
        try {
            csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(in);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ConfigException(OPTION, name + " line 1: " + e.getMessage());
        }
        List<String> header = csv.getHeaderNames();
        for (String c : REQUIRED) {
            if (!header.contains(c)) throw new ConfigException(OPTION, name + " line 1: the header lacks " + c + " (expected " + String.join(",", REQUIRED) + "[,approves_review_id])");
        }
        for (String c : header) {
            if (!KNOWN.contains(c)) throw new ConfigException(OPTION, name + " line 1: unknown column '" + c + "'");
        }
        List<ReviewRequest> rows = new ArrayList<>();
        try {
            for (CSVRecord r : csv) {
                String where = name + " line " + csv.getCurrentLineNumber();
                if (r.size() == 1 && r.get(0).isEmpty()) continue; // a blank line
                if (r.size() != header.size()) {
                    throw new ConfigException(OPTION, where + ": " + r.size() + " fields, the header has " + header.size());
                }
                if (r.get("finding_id").isEmpty()) throw new ConfigException(OPTION, where + ": finding_id is empty");
                rows.add(new ReviewRequest(where, r.get("finding_id"), r.get("disposition"), r.get("reference"), r.get("comment"),
                        r.isMapped("approves_review_id") ? r.get("approves_review_id") : null));
            }
        } catch (UncheckedIOException e) {
            throw new ConfigException(OPTION, name + " line " + csv.getCurrentLineNumber() + ": " + e.getCause().getMessage());
        }
        if (rows.isEmpty()) throw new ConfigException(OPTION, name + ": no reviews in the file");
        return rows;
    }
}
