package io.auditwarehouse.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ConfigKey;
import io.auditwarehouse.config.PseudonymSettings;
import io.auditwarehouse.report.content.ReportContent.Restatement;
import io.auditwarehouse.sinks.WarehouseTables;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether a package names its users by pseudonyms (report.pseudonymise), and everything that follows: the mask its
 * rows are read through, the manifest's record of it (the key's fingerprint, never the key), and the last issued
 * package's findings seen through the same mask, so that switching pseudonyms on restates nothing and leaks nothing.
 */
final class PackagePseudonyms {

    static final String MANIFEST_KEY = "pseudonymisation";
    private static final PackagePseudonyms OFF = new PackagePseudonyms(null, UserMask.NONE);

    private final Pseudonyms pseudonyms;
    private final UserMask mask;

    private PackagePseudonyms(Pseudonyms pseudonyms, UserMask mask) {
        this.pseudonyms = pseudonyms;
        this.mask = mask;
    }

    /**
     * A new package follows the config; a reproduction follows the issued package and needs its key.
     *
     * @param replay null for a new package
     */
    static PackagePseudonyms forRendering(PackageRequest request, Replay replay, MonthTables tables, IssuedPackage issued)
            throws IOException {
        PseudonymSettings settings = request.settings().pseudonyms();
        boolean on = replay == null ? settings.enabled() : replay.pseudonymKeyFingerprint() != null;
        if (!on) return OFF;
        if (!settings.key().present()) {
            throw new ConfigException("--reproduce", "the package of " + request.month() + " is pseudonymised: set its key in "
                    + ConfigKey.REPORT_PSEUDONYM_KEY_ENV.key() + " or " + ConfigKey.REPORT_PSEUDONYM_KEY_FILE.key());
        }
        Pseudonyms pseudonyms = Pseudonyms.of(settings.key());
        if (replay != null && !pseudonyms.keyFingerprint().equals(replay.pseudonymKeyFingerprint())) {
            throw new ConfigException("--reproduce", "the package of " + request.month() + " was pseudonymised with the key "
                    + replay.pseudonymKeyFingerprint() + ", the configured key is " + pseudonyms.keyFingerprint());
        }
        Set<String> ids = new TreeSet<>(tables.userIds());
        if (namesRealUsers(pseudonyms, issued)) {
            for (Map<String, String> f : issued.findings().values()) ids.addAll(idValues(f));
        }
        return new PackagePseudonyms(pseudonyms, UserMask.of(pseudonyms, request.users(), ids));
    }

    /** The key fingerprint a manifest records, or null for a package that names its users. */
    static String fingerprintOf(JsonNode manifest) {
        JsonNode f = manifest.path(MANIFEST_KEY).path("key_fingerprint");
        return f.isTextual() ? f.asText() : null;
    }

    UserMask mask() {
        return mask;
    }

    /** Records the pseudonymisation in the manifest; a package that names its users records nothing (as before). */
    void record(ObjectNode manifest) {
        if (pseudonyms == null) return;
        ObjectNode n = manifest.putObject(MANIFEST_KEY);
        n.put("pseudonymised", true);
        n.put("method", Pseudonyms.METHOD);
        n.put("key_fingerprint", pseudonyms.keyFingerprint());
        n.put("reveal", "audit-warehouse reveal PSEUDONYM, with the key");
    }

    /** The issued package's findings as this package would print them. */
    Map<String, Map<String, String>> issuedFindings(IssuedPackage issued) throws IOException {
        Map<String, Map<String, String>> findings = issued.findings();
        if (!namesRealUsers(pseudonyms, issued)) return findings;
        Set<String> idColumns = UserMask.ID_COLUMNS.get(WarehouseTables.FINDING);
        Map<String, Map<String, String>> masked = new TreeMap<>();
        findings.forEach((id, row) -> {
            Map<String, String> m = new LinkedHashMap<>();
            row.forEach((column, value) -> m.put(column, value == null || value.isEmpty() ? value
                    : idColumns.contains(column) ? pseudonyms.of(value) : mask.text(value)));
            masked.put(id, m);
        });
        return masked;
    }

    /** The issued package's restatements as this package would print them. */
    List<Restatement> issuedRestatements(IssuedPackage issued) throws IOException {
        List<Restatement> restatements = issued.restatements();
        return namesRealUsers(pseudonyms, issued) ? masked(restatements) : restatements;
    }

    /** Lines made outside the masked tables (the reviews since the last issue name their reviewer) as this package prints them. */
    List<Restatement> masked(List<Restatement> lines) {
        if (pseudonyms == null) return lines;
        return lines.stream().map(r -> new Restatement(r.change(), r.findingId(), r.controlId(), r.reasonCode(),
                r.businessDate(), mask.text(r.subject()), mask.text(r.before()), mask.text(r.after()))).toList();
    }

    /** True when this package is pseudonymised and the issued one is not: its text names real users. */
    private static boolean namesRealUsers(Pseudonyms pseudonyms, IssuedPackage issued) {
        return pseudonyms != null && issued.exists() && fingerprintOf(issued.manifest()) == null;
    }

    private static List<String> idValues(Map<String, String> finding) {
        return UserMask.ID_COLUMNS.get(WarehouseTables.FINDING).stream().map(finding::get)
                .filter(v -> v != null && !v.isEmpty()).toList();
    }
}
