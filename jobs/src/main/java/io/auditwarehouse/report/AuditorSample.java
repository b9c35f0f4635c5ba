package io.auditwarehouse.report;

import io.auditwarehouse.report.content.ReportContent.SampleItem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * The auditor sample: per control, the members whose SHA-256 of {@code "<seed>:<control>:<unit>"} is lowest.
 * The draw depends only on the seed and the population, not on the order rows arrive in, so anyone holding the
 * seed and the CSVs can redraw it (sort the population by that digest, take the first n); it keeps at most n
 * members per control in memory.
 */
final class AuditorSample {

    private final long seed;
    private final ToIntFunction<String> sizeOf;
    private final Map<String, TreeMap<String, SampleItem>> lowest = new HashMap<>();
    private final Map<String, Long> population = new HashMap<>();
    private final MessageDigest sha256;

    AuditorSample(long seed, ToIntFunction<String> sizeOf) {
        this.seed = seed;
        this.sizeOf = sizeOf;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One member of a control's population. */
    void offer(String controlId, String unitType, String unit, LocalDate businessDate, String status,
               String reasonCodes, String approvalNo) {
        population.merge(controlId, 1L, Long::sum);
        String rank = rankKey(controlId, unit);
        TreeMap<String, SampleItem> kept = lowest.computeIfAbsent(controlId, c -> new TreeMap<>());
        int size = sizeOf.applyAsInt(controlId);
        if (kept.size() >= size && rank.compareTo(kept.lastKey()) >= 0) return;
        kept.put(rank, new SampleItem(controlId, 0, size, 0, unitType, unit, businessDate, status, reasonCodes,
                approvalNo, rank));
        if (kept.size() > size) kept.pollLastEntry();
    }

    String rankKey(String controlId, String unit) {
        byte[] digest = sha256.digest((seed + ":" + controlId + ":" + unit).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /** The drawn members of the given controls, in that order, each control's by rank. */
    List<SampleItem> items(List<String> controlIds) {
        List<SampleItem> items = new ArrayList<>();
        for (String control : controlIds) {
            TreeMap<String, SampleItem> kept = lowest.getOrDefault(control, new TreeMap<>());
            long members = population.getOrDefault(control, 0L);
            int ordinal = 0;
            for (SampleItem s : kept.values()) {
                items.add(new SampleItem(s.controlId(), ++ordinal, (int) Math.min(s.sampleSize(), members), members,
                        s.unitType(), s.unit(), s.businessDate(), s.status(), s.reasonCodes(), s.approvalNo(),
                        s.rankKey()));
            }
        }
        return items;
    }

    long population(String controlId) {
        return population.getOrDefault(controlId, 0L);
    }
}
