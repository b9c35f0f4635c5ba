package io.auditwarehouse.report;

import io.auditwarehouse.model.DetailTemplates;
import io.auditwarehouse.model.User;
import io.auditwarehouse.sinks.WarehouseTables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Replaces the users of a pseudonymised package: a user-id column's value by its pseudonym, and in every other text
 * cell each known user id or display name by the pseudonym of its user id (case-insensitively; an ASCII name only as
 * a whole word, so "op" is not found inside "operator", a Korean name anywhere, as particles follow it directly).
 * {@link #NONE} changes nothing.
 */
public final class UserMask {

    /** The columns that hold a user id, by table. */
    public static final Map<String, Set<String>> ID_COLUMNS = Map.of(
            WarehouseTables.RUN, Set.of("executor", "approval_requester", "approval_approver"),
            WarehouseTables.FINDING, Set.of("actor"),
            WarehouseTables.APPROVAL, Set.of("requester_id", "approver_id"));

    /** The finding's detail fields (a JSON object): its user-id fields, by name; its keys are never names. */
    static final String DETAIL_FIELDS = "detail_fields";
    static final Set<String> ID_FIELDS = Set.of("executor", "requester", "user");

        public static final UserMask NONE = new UserMask(null, Map.of());

    private final Pseudonyms pseudonyms;
    /** Lower-cased first character to the names starting with it, longest first, each with its pseudonym. */
    private final Map<Character, List<Map.Entry<String, String>>> byFirst = new HashMap<>();

    private UserMask(Pseudonyms pseudonyms, Map<String, String> pseudonymByName) {
        this.pseudonyms = pseudonyms;
        pseudonymByName.forEach((name, pseudonym) -> byFirst.computeIfAbsent(first(name), k -> new ArrayList<>())
                .add(Map.entry(name, pseudonym)));
        byFirst.values().forEach(l -> l.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed()));
    }

    /**
     * @param users the users relation (ids and display names)
     * @param ids   further user ids, e.g. every value of the month's user-id columns
     */
    public static UserMask of(Pseudonyms pseudonyms, Collection<User> users, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        for (String id : ids) if (id != null && !id.isBlank()) names.put(id.toLowerCase(Locale.ROOT), pseudonyms.of(id));
        // in id order: a display name two users share stands for the same one of them on every rendering
        for (User u : users.stream().filter(u -> u.userId() != null && !u.userId().isBlank())
                .sorted(Comparator.comparing(User::userId)).toList()) {
            names.put(u.userId().toLowerCase(Locale.ROOT), pseudonyms.of(u.userId()));
            String display = u.displayName() == null ? "" : u.displayName().strip();
            if (!display.isEmpty()) names.putIfAbsent(display.toLowerCase(Locale.ROOT), pseudonyms.of(u.userId()));
        }
        return new UserMask(pseudonyms, names);
    }

    public boolean active() {
        return pseudonyms != null;
    }

    /** The row with its users replaced; the same row when the mask is off. */
    public Row row(String table, Row r) {
        if (!active()) return r;
        Set<String> idColumns = ID_COLUMNS.getOrDefault(table, Set.of());
        StructType schema = r.schema();
        Object[] values = new Object[r.length()];
        for (int i = 0; i < values.length; i++) {
            Object v = r.get(i);
            if (v instanceof String s && !s.isEmpty()) {
                String column = schema == null ? "" : schema.fields()[i].name();
                v = idColumns.contains(column) ? pseudonyms.of(s) : DETAIL_FIELDS.equals(column) ? detailFields(s) : text(s);
            }
            values[i] = v;
        }
        return new GenericRowWithSchema(values, schema);
    }

    private String detailFields(String json) {
        Map<String, String> fields = new HashMap<>(DetailTemplates.fromJson(json));
        fields.replaceAll((name, value) -> ID_FIELDS.contains(name) ? pseudonyms.of(value) : text(value));
        return DetailTemplates.toJson(fields);
    }

    /** Free text with every known user id and display name replaced by its pseudonym. */
    public String text(String s) {
        if (!active() || s == null || s.isEmpty()) return s;
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < s.length(); i++) {
            List<Map.Entry<String, String>> candidates = byFirst.get(Character.toLowerCase(s.charAt(i)));
            if (candidates == null || (i > 0 && asciiWordChar(s.charAt(i - 1)) && asciiWordChar(s.charAt(i)))) continue;
            for (Map.Entry<String, String> c : candidates) {
                String name = c.getKey();
                int end = i + name.length();
                if (!s.regionMatches(true, i, name, 0, name.length())) continue;
                if (end < s.length() && asciiWordChar(s.charAt(end)) && asciiWordChar(s.charAt(end - 1))) continue;
                if (out == null) out = new StringBuilder(s.length() + 16);
                out.append(s, copied, i).append(c.getValue());
                copied = end;
                i = end - 1;
                break;
            }
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    private static char first(String name) {
        return Character.toLowerCase(name.charAt(0));
    }

    private static boolean asciiWordChar(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }
}
