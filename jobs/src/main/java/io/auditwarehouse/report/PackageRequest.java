package io.auditwarehouse.report;

import io.auditwarehouse.config.ReportSettings;
import io.auditwarehouse.model.User;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What `report` was asked for.
 *
 * @param formats      renderings besides the CSV files, which are always written (they are the package's data of
 *                     record: the content digest and the next restatement compare them)
 * @param seedOverride {@code --seed}, which beats {@code report.sample.seed}
 * @param users        the users relation, only for a pseudonymised package: the display names to find in its text
 *                     (the report's content still comes from the warehouse alone)
 */
public record PackageRequest(YearMonth month, Set<String> formats, ReportSettings settings, ZoneId zone,
                             OptionalLong seedOverride, Collection<User> users) {

    public static final String PDF = "pdf";
    public static final String XLSX = "xlsx";
    public static final String CSV = "csv";

    public PackageRequest {
        formats = Set.copyOf(formats);
        users = List.copyOf(users);
    }

    public PackageRequest(YearMonth month, Set<String> formats, ReportSettings settings, ZoneId zone, OptionalLong seedOverride) {
        this(month, formats, settings, zone, seedOverride, List.of());
    }

    /** The same request for other renderings (a reproduction renders what the issued package holds). */
    public PackageRequest withFormats(Set<String> other) {
        return new PackageRequest(month, other, settings, zone, seedOverride, users);
    }

    /** The seed and where it came from; without one the month itself (e.g. 202610) so re-renders agree. */
    long seed() {
        return seedOverride.orElse(settings.seed().orElse(month.getYear() * 100L + month.getMonthValue()));
    }

    String seedSource() {
        return seedOverride.isPresent() ? "--seed" : settings.seed().isPresent() ? "config" : "default";
    }
}
