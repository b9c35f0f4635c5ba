package io.auditwarehouse.reconcile;

import io.auditwarehouse.model.ControlCatalog;
import io.auditwarehouse.model.DetailTemplates;
import io.auditwarehouse.model.Finding;
import io.auditwarehouse.model.ReasonCode;
import io.auditwarehouse.model.RuleSettings;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** Builds findings with deterministic ids, control and severity from the catalog, and readable times. */
public final class FindingFactory implements Serializable {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final ControlCatalog catalog;
    private final RuleSettings settings;
    private final DetailTemplates details = DetailTemplates.shipped();

    public FindingFactory(ControlCatalog catalog, RuleSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    /**
     * A finding; {@code subject} is the identity the id hashes (see docs/reconciliation-rules.md), {@code fields} what
     * its detail templates are filled from ({@link #fields}); the English detail is filled here.
     */
    public Finding create(ReasonCode code, String subject, String controller, String jobName, Integer buildNumber,
                          String approvalNo, String actor, Instant occurredAt, Map<String, String> fields) {
        String detail = details.render("en", code.name(), fields);
        if (detail == null) throw new IllegalStateException("no detail template for " + code + " " + fields);
        return new Finding(findingId(code, subject), businessDate(occurredAt), catalog.controlOf(code), code,
                settings.severityOf(code), controller, jobName, buildNumber, approvalNo, actor, occurredAt, detail,
                DetailTemplates.toJson(fields));
    }

    /** Detail fields from name, value pairs; an instant is written as {@link #wall} time, a null value left out. */
    public Map<String, String> fields(Object... nameValuePairs) {
        Map<String, String> fields = new TreeMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            Object v = nameValuePairs[i + 1];
            if (v != null) fields.put((String) nameValuePairs[i], v instanceof Instant t ? wall(t) : v.toString());
        }
        return fields;
    }

    public LocalDate businessDate(Instant t) {
        return t.atZone(settings.businessZone()).toLocalDate();
    }

    /** "2026-10-01 02:00 KST"-style wall time in the business zone, with seconds and milliseconds when they are not zero. */
    public String wall(Instant t) {
        if (t == null) return "(unknown)";
        ZoneId zone = settings.businessZone();
        String zoneLabel = RuleSettings.SEOUL.equals(zone) ? "KST" : zone.getId();
        DateTimeFormatter f = t.getNano() != 0 ? MILLIS : t.getEpochSecond() % 60 != 0 ? SECONDS : MINUTES;
        return f.format(t.atZone(zone)) + " " + zoneLabel;
    }

    static String findingId(ReasonCode code, String subject) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((code.name() + '\u0001' + subject).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
