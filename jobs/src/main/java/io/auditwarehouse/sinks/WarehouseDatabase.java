package io.auditwarehouse.sinks;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ConfigKey;
import io.auditwarehouse.config.Secret;
import io.auditwarehouse.config.ServerSettings;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the MySQL warehouse is: {@code warehouse.jdbc_url} pointed at {@code warehouse.schema}, opened with the
 * MariaDB driver under the {@code jdbc:mysql:} scheme (Spark's MySQL dialect, milliseconds kept), times in UTC.
 */
public final class WarehouseDatabase implements Serializable {

    public static final String DRIVER = "org.mariadb.jdbc.Driver";
    private static final Pattern URL = Pattern.compile("jdbc:(?:mysql|mariadb)://([^/?]+)(?:/[^?]*)?(?:\\?(.*))?");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> REQUIRED_OPTIONS = List.of("permitMysqlScheme", "connectionTimeZone=UTC",
            "preserveInstants=true");

    private final String hostPort;
    private final List<String> options;
    private final String schema;
    private final String user;
    private final Secret password;

    private WarehouseDatabase(String hostPort, List<String> options, String schema, String user, Secret password) {
        this.hostPort = hostPort;
        this.options = options;
        this.schema = schema;
        this.user = user;
        this.password = password;
    }

    public static WarehouseDatabase of(ServerSettings servers) {
        if (!servers.warehouseInMysql()) {
            throw new ConfigException(ConfigKey.WAREHOUSE_JDBC_URL.key(), "not set: give the MySQL warehouse, e.g. jdbc:mysql://dw:3306/");
        }
        Matcher m = URL.matcher(servers.warehouseJdbcUrl());
        if (!m.matches()) {
            throw new ConfigException(ConfigKey.WAREHOUSE_JDBC_URL.key(), "expected jdbc:mysql://host:port/, got '" + servers.warehouseJdbcUrl() + "'");
        }
        if (!IDENTIFIER.matcher(servers.warehouseSchema()).matches()) {
            throw new ConfigException(ConfigKey.WAREHOUSE_SCHEMA.key(), "'" + servers.warehouseSchema() + "' is not a schema name (letters, digits, '_')");
        }
        List<String> options = new ArrayList<>();
        if (m.group(2) != null) {
            for (String option : m.group(2).split("&")) if (!option.isEmpty()) options.add(option);
        }
        for (String required : REQUIRED_OPTIONS) {
            String name = required.split("=")[0];
            if (options.stream().noneMatch(o -> o.split("=")[0].equals(name))) options.add(required);
        }
        return new WarehouseDatabase(m.group(1), List.copyOf(options), servers.warehouseSchema(), servers.warehouseUser(),
                servers.warehousePassword());
    }

    public String schema() {
        return schema;
    }

    /** The URL of the warehouse schema; carries no credentials (config refuses them there; they go in {@link #properties}). */
    public String url() {
        return serverUrl(schema);
    }

    /** The URL of the server without a default schema, to create the schema. */
    public String serverUrl() {
        return serverUrl("");
    }

    private String serverUrl(String database) {
        return "jdbc:mysql://" + hostPort + "/" + database + "?" + String.join("&", options);
    }

    /** Driver, user and password, for DriverManager and Spark's JDBC source alike. */
    public Properties properties() {
        Properties p = new Properties();
        p.setProperty("driver", DRIVER);
        if (!user.isEmpty()) p.setProperty("user", user);
        if (password.present()) p.setProperty("password", password.reveal());
        return p;
    }

    /** For an error line: which key to check when a connection failed on the server's certificate, else "". */
    public static String tlsHint(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException) {
                return "; check " + ConfigKey.WAREHOUSE_CA_FILE.key() + " (the CA that signed the server's certificate)";
            }
        }
        return "";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), properties());
    }

    public Connection connectToServer() throws SQLException {
        return DriverManager.getConnection(serverUrl(), properties());
    }
}
