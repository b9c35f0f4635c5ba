package io.auditwarehouse.portal;

import io.auditwarehouse.errors.ErrorMessages;
import io.auditwarehouse.sinks.WarehouseDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The portal's reads of a MySQL warehouse: one connection per query (a page makes a handful), values bound. */
final class MySqlReads implements PortalWarehouse {

    private final WarehouseDatabase database;

    MySqlReads(WarehouseDatabase database) {
        this.database = database;
    }

    @Override
    public List<Map<String, Object>> run(String sql, List<?> parameters) {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) s.setObject(i + 1, parameters.get(i));
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) row.put(meta.getColumnLabel(i), value(r, i, meta.getColumnType(i)));
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the MySQL warehouse " + database.url() + ": " + ErrorMessages.firstLine(e), e);
        }
    }

    // the warehouse keeps UTC wall time in DATETIME columns
    private static Object value(ResultSet r, int i, int type) throws SQLException {
        if (type == Types.DATE) return r.getObject(i, LocalDate.class);
        if (type == Types.TIMESTAMP) {
            LocalDateTime t = r.getObject(i, LocalDateTime.class);
            return t == null ? null : t.toInstant(ZoneOffset.UTC);
        }
        return r.getObject(i);
    }

    @Override
    public void close() {
        // nothing held between queries
    }
}
