package io.auditwarehouse.report;

import io.auditwarehouse.model.User;
import io.auditwarehouse.sinks.WarehouseSink;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * `reveal`: a pseudonym back to its user, for the compliance team holding the key. An HMAC cannot be inverted, so
 * every candidate user id is pseudonymised and compared: the ids of the users relation and every id in the
 * warehouse's user-id columns (all dates), which covers a user since removed from the relation.
 */
public final class Reveal {

    /** One pseudonym and the users it stands for (empty: none of the candidates; two or more: a collision). */
    public record Match(String pseudonym, List<String> userIds) {
    }

    private final Map<String, List<String>> idsByPseudonym = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final int candidates;

    private Reveal(Pseudonyms pseudonyms, Set<String> ids) {
        for (String id : ids) idsByPseudonym.computeIfAbsent(pseudonyms.of(id), k -> new ArrayList<>()).add(id);
        this.candidates = ids.size();
    }

    public static Reveal of(Pseudonyms pseudonyms, Collection<User> users, WarehouseSink warehouse) {
        Set<String> ids = new TreeSet<>();
        for (User u : users) if (u.userId() != null && !u.userId().isBlank()) ids.add(u.userId());
        UserMask.ID_COLUMNS.forEach((table, columns) -> {
            Dataset<Row> data = warehouse.read(table);
            if (data != null) ids.addAll(MonthTables.distinct(data, columns));
        });
        return new Reveal(pseudonyms, ids);
    }

    public int candidates() {
        return candidates;
    }

    public Match find(String pseudonym) {
        return new Match(pseudonym, idsByPseudonym.getOrDefault(pseudonym.strip(), List.of()));
    }
}
