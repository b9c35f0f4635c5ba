package io.auditwarehouse.sinks;

import io.auditwarehouse.errors.ErrorMessages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The MySQL warehouse's writer lock: the named lock {@code aw_writer.<schema>} ({@code GET_LOCK}), held on a connection
 * of its own for as long as the holder works. The server releases it when that connection ends, however it ends
 * (the process died, the connection was killed). The holder labels it with a row in {@code writer_lock}, which a
 * waiting process reads only while the labelled connection still holds the lock.
 */
public final class MySqlWarehouseLock implements WarehouseLock {

    private static final String PREFIX = "aw_writer.";
    /** MySQL refuses longer lock names. */
    private static final int MAX_NAME = 64;
    private static final int MAX_LABEL = 255;
    /** MySQL error 1146: the table does not exist. */
    private static final int NO_SUCH_TABLE = 1146;

    private final WarehouseDatabase db;
    private final Duration wait;
    private final String name;

    public MySqlWarehouseLock(WarehouseDatabase db, Duration wait) {
        this.db = db;
        this.wait = wait;
        this.name = lockName(db.schema());
    }

    /** {@code aw_writer.<schema>}, or, for a schema name too long for that, the prefix and a digest of the name. */
    static String lockName(String schema) {
        String plain = PREFIX + schema;
        if (plain.length() <= MAX_NAME) return plain;
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(schema.getBytes(StandardCharsets.UTF_8));
            return (PREFIX + HexFormat.of().formatHex(sha)).substring(0, MAX_NAME);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    @Override
    public Held acquire(String what, Consumer<String> waiting) {
        Connection c = null;
        try {
            c = db.connect();
            if (!getLock(c, 0)) {
                LockHolder h = holder(c);
                waiting.accept("the warehouse " + db.url() + " is locked by " + (h == null ? "another connection" : h.describe())
                        + ": waiting up to " + LockHolder.format(wait) + " (warehouse.lock_wait)");
                // GET_LOCK waits in whole seconds
                if (!getLock(c, (wait.toMillis() + 999) / 1000)) throw new WarehouseBusyException(db.url(), holder(c), wait);
            }
            record(c, LockHolder.current(what));
            return new MySqlHeld(c);
        } catch (SQLException e) {
            close(c);
            throw new WriteFailedException("locking the warehouse " + db.url() + " (" + name + ") failed: "
                    + ErrorMessages.firstLine(e) + WarehouseDatabase.tlsHint(e), e);
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    private boolean getLock(Connection c, long seconds) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql("get_lock"))) {
            p.setString(1, name);
            p.setLong(2, seconds);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                int taken = r.getInt(1);
                if (r.wasNull()) throw new SQLException("GET_LOCK('" + name + "') returned NULL");
                return taken == 1;
            }
        }
    }

    private void record(Connection c, LockHolder h) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql("record_holder"))) {
            p.setString(1, name);
            p.setString(2, cut(h.host()));
            p.setLong(3, h.pid());
            p.setString(4, cut(h.what()));
            p.setTimestamp(5, Timestamp.from(h.since()));
            p.executeUpdate();
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_TABLE) {
                throw new WriteFailedException("the warehouse schema " + db.schema() + " is not migrated (no writer_lock "
                        + "table): run 'audit-warehouse migrate' first", e);
            }
            throw e;
        }
    }

    /** The label of the connection holding the lock now, or null (free, or a holder that did not label it). */
    LockHolder holder(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql("holder"))) {
            p.setString(1, name);
            p.setString(2, name);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) return null;
                return new LockHolder(r.getString("host"), r.getLong("pid"),
                        r.getString("holder") + " on connection " + r.getLong("connection_id"), r.getTimestamp("since").toInstant());
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_TABLE) return null;
            throw e;
        }
    }

    private static String cut(String s) {
        return s.length() <= MAX_LABEL ? s : s.substring(0, MAX_LABEL);
    }

    private static String sql(String file) {
        return SqlScripts.statements(SqlScripts.read("lock/" + file + ".sql")).get(0);
    }

    private static void close(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // the server releases the lock with the connection
        }
    }

    private final class MySqlHeld implements Held {
        private final Connection c;
        private boolean closed;

        MySqlHeld(Connection c) {
            this.c = c;
        }

        @Override
        public synchronized void confirm() {
            try (PreparedStatement p = c.prepareStatement(sql("still_held"))) {
                p.setString(1, name);
                try (ResultSet r = p.executeQuery()) {
                    if (closed || !r.next() || !r.getBoolean(1)) throw new SQLException("no longer held");
                }
            } catch (SQLException e) {
                throw new WriteFailedException("the warehouse lock " + name + " on " + db.url() + " was lost (its connection "
                        + "ended?): " + ErrorMessages.firstLine(e), e);
            }
        }

        @Override
        public synchronized void close() {
            if (closed) return;
            closed = true;
            try (PreparedStatement forget = c.prepareStatement(sql("forget_holder"));
                 PreparedStatement release = c.prepareStatement(sql("release_lock"))) {
                forget.setString(1, name);
                forget.executeUpdate();
                release.setString(1, name);
                release.executeQuery().close();
            } catch (SQLException ignored) {
                // a connection that failed has lost the lock already; closing it below releases it otherwise
            } finally {
                MySqlWarehouseLock.close(c);
            }
        }
    }
}
