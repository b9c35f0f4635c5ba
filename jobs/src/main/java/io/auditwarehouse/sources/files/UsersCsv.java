package io.auditwarehouse.sources.files;

import io.auditwarehouse.model.User;

import java.io.Reader;
import java.time.ZoneId;
import java.util.List;

/** {@code users.csv}: the app_user relation of inputs.md §2 as a file. */
public final class UsersCsv {

    public static final String SOURCE = "users";
    static final List<String> COLUMNS = List.of("user_id", "display_name", "department", "role", "active_from", "active_to");

    private UsersCsv() {
    }

    /**
     * @param zone       the zone the DATETIME values are written in
     * @param sourceName the file name, used in quarantine document ids ({@code users.csv:3})
     * @throws IllegalArgumentException when a column is missing from the header
     */
    public static Parsed<User> read(Reader csv, ZoneId zone, String sourceName) {
        return CsvTable.read(csv, SOURCE, sourceName, COLUMNS, zone, UsersCsv::user);
    }

    private static User user(CsvTable.Row row) throws CsvTable.BadField {
        String userId = row.text("user_id");
        if (userId == null) throw new CsvTable.BadField("missing user_id");
        return new User(userId, row.text("display_name"), row.text("department"), row.upper("role"),
                row.time("active_from"), row.time("active_to"));
    }
}
