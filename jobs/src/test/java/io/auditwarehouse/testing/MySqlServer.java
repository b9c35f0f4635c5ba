package io.auditwarehouse.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A real MySQL-protocol server (MariaDB locally, MySQL 8 under Testcontainers) handed to an IT. */
public record MySqlServer(String host, int port, String user, String password) {

    public static final String DRIVER = "org.mariadb.jdbc.Driver";

    /** {@code jdbc:mysql://} keeps Spark's MySQL dialect; the MariaDB driver accepts it with permitMysqlScheme. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + host + ":" + port + "/" + (database == null ? "" : database) + "?permitMysqlScheme";
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /** A fresh database for one test; dropped on close. */
    public TestDatabase newDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection c = connect(null); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        return new TestDatabase(this, name);
    }

    public record TestDatabase(MySqlServer server, String name) implements AutoCloseable {

        public String jdbcUrl() {
            return server.jdbcUrl(name);
        }

        public Connection connect() throws SQLException {
            return server.connect(name);
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = server.connect(null); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
        }
    }

    /** An account of the test's own, {@code <prefix>_<random>}, without privileges; dropped on close. */
    public TestUser newUser(String prefix, String password) throws SQLException {
        String name = prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection c = connect(null); Statement s = c.createStatement()) {
            s.execute("CREATE USER '" + name + "'@'%' IDENTIFIED BY '" + password + "'");
        }
        return new TestUser(this, name);
    }

    public record TestUser(MySqlServer server, String name) implements AutoCloseable {

        /** e.g. {@code grant("SELECT", db)}; returns this account. */
        public TestUser grant(String privileges, TestDatabase db) throws SQLException {
            try (Connection c = server.connect(null); Statement s = c.createStatement()) {
                s.execute("GRANT " + privileges + " ON `" + db.name() + "`.* TO '" + name + "'@'%'");
            }
            return this;
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = server.connect(null); Statement s = c.createStatement()) {
                s.execute("DROP USER IF EXISTS '" + name + "'@'%'");
            }
        }
    }
}
