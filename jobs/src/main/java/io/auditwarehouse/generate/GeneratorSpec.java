package io.auditwarehouse.generate;

import io.auditwarehouse.model.ReasonCode;

import java.time.Instant;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What month to generate and how.
 *
 * @param month            the month whose business dates the runs fall on
 * @param runs             the number of runs the sources must show (at least; plants may add a few)
 * @param seed             same spec and seed give byte-identical files
 * @param controllers      Jenkins controller ids
 * @param businessZone     zone of the business date and of the controllers' clocks
 * @param approvalsZone    zone of the approval DB's DATETIME values
 * @param plantRate        plants per run, for every reason code without an override
 * @param plantRates       per-code overrides of {@code plantRate}
 * @param minPlantsPerCode lower bound on plants per code, so small months still show every code
 * @param malformedPerKind malformed lines of each kind planted in each NDJSON file
 */
public record GeneratorSpec(
        YearMonth month,
        int runs,
        long seed,
        List<String> controllers,
        ZoneId businessZone,
        ZoneId approvalsZone,
        double plantRate,
        Map<ReasonCode, Double> plantRates,
        int minPlantsPerCode,
        int malformedPerKind) {

    public static final List<String> DEFAULT_CONTROLLERS = List.of("batch-a", "batch-b", "batch-c");
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    public static final ZoneId UTC = ZoneId.of("UTC");
    public static final double DEFAULT_PLANT_RATE = 0.004;

    public GeneratorSpec {
        if (runs < 1) throw new IllegalArgumentException("runs must be positive");
        if (controllers == null || controllers.isEmpty()) throw new IllegalArgumentException("no controllers");
        controllers = List.copyOf(controllers);
        plantRates = plantRates == null ? Map.of() : Map.copyOf(plantRates);
    }

    /** 3 controllers, Asia/Seoul business zone, UTC approvals, ~0.4% of runs planted per code, 2 malformed lines per kind. */
    public static GeneratorSpec of(YearMonth month, int runs, long seed) {
        return new GeneratorSpec(month, runs, seed, DEFAULT_CONTROLLERS, SEOUL, UTC, DEFAULT_PLANT_RATE,
                Map.of(), 1, 2);
    }

    /**
     * The instant the month is reconciled as of (its ground truth's "now"): the 10th of the next month, 00:00 in the
     * business zone, when every SLA of the month's runs (3 days, 24 hours) has run out.
     */
    public Instant asOf() {
        return asOf(month, businessZone);
    }

    public static Instant asOf(YearMonth month, ZoneId businessZone) {
        return month.plusMonths(1).atDay(10).atStartOfDay(businessZone).toInstant();
    }

    /** The latest month whose as-of has passed at {@code now}: reconciling it judges nothing in the future. */
    public static YearMonth latestClosedMonth(Instant now, ZoneId businessZone) {
        YearMonth last = YearMonth.from(now.atZone(businessZone)).minusMonths(1);
        return asOf(last, businessZone).isAfter(now) ? last.minusMonths(1) : last;
    }

    public GeneratorSpec withControllers(List<String> ids) {
        return new GeneratorSpec(month, runs, seed, ids, businessZone, approvalsZone, plantRate, plantRates,
                minPlantsPerCode, malformedPerKind);
    }

    public GeneratorSpec withApprovalsZone(ZoneId zone) {
        return new GeneratorSpec(month, runs, seed, controllers, businessZone, zone, plantRate, plantRates,
                minPlantsPerCode, malformedPerKind);
    }

    public GeneratorSpec withPlantRate(double rate) {
        return new GeneratorSpec(month, runs, seed, controllers, businessZone, approvalsZone, rate, plantRates,
                minPlantsPerCode, malformedPerKind);
    }

    public GeneratorSpec withPlantRate(ReasonCode code, double rate) {
        Map<ReasonCode, Double> rates = new EnumMap<>(ReasonCode.class);
        rates.putAll(plantRates);
        rates.put(code, rate);
        return new GeneratorSpec(month, runs, seed, controllers, businessZone, approvalsZone, plantRate, rates,
                minPlantsPerCode, malformedPerKind);
    }

    public GeneratorSpec withMalformedPerKind(int n) {
        return new GeneratorSpec(month, runs, seed, controllers, businessZone, approvalsZone, plantRate, plantRates,
                minPlantsPerCode, n);
    }

    /** How many plants of this code the month gets. */
    public int plantsOf(ReasonCode code) {
        double rate = plantRates.getOrDefault(code, plantRate);
        return Math.max(minPlantsPerCode, (int) Math.round(rate * runs));
    }
}
