package io.auditwarehouse.testing;

import io.auditwarehouse.sinks.WarehouseTables;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The content of a MySQL warehouse, for comparing two states of it. */
public final class MySqlTables {

    private static final Set<String> BATCH_COLUMNS = Set.of("batch_id", "last_batch_id");

    private MySqlTables() {
    }

    /** Every table but the ledger, rows sorted, without the columns naming the latest batch. */
    public static Map<String, List<String>> snapshot(Connection c) throws Exception {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : WarehouseTables.ALL) {
            if (table.equals(WarehouseTables.BATCH)) continue;
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        if (BATCH_COLUMNS.contains(meta.getColumnName(i))) continue;
                        row.append(meta.getColumnName(i)).append('=').append(r.getString(i)).append(' ');
                    }
                    rows.add(row.toString());
                }
            }
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }
}
