package io.auditwarehouse.query;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Which of the warehouse's tables a query names, found without parsing it: registering one costs a file listing. */
public final class QueryTables {

    private QueryTables() {
    }

    /**
     * The candidates that occur in the query as a whole word, case-insensitively. A name inside a string literal or a
     * comment counts too: registering a table the query does not read costs a listing and changes no result.
     */
    public static List<String> named(String query, Collection<String> candidates) {
        String lower = query.toLowerCase(Locale.ROOT);
        return candidates.stream().distinct()
                .filter(t -> Pattern.compile("(?<![\\w$])" + Pattern.quote(t.toLowerCase(Locale.ROOT)) + "(?![\\w$])")
                        .matcher(lower).find())
                .toList();
    }
}
