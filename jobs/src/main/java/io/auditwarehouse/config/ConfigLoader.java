package io.auditwarehouse.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.auditwarehouse.errors.Checkpoints;
import io.auditwarehouse.model.ControlCatalog;
import io.auditwarehouse.model.ReasonCode;
import io.auditwarehouse.model.RuleSettings;
import io.auditwarehouse.model.Severity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the YAML file and the command-line overrides into one validated {@link AppConfig}. */
public final class ConfigLoader {

    public static final Path DEFAULT_FILE = Path.of("audit-warehouse.yaml");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern CONTROLLER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private ConfigLoader() {
    }

    /**
     * @param file     the config file, or null for ./audit-warehouse.yaml when it exists, else the embedded default
     * @param inputDir --input, or null
     * @param outDir   --out, or null
     */
    public static AppConfig load(Path file, Path inputDir, Path outDir) {
        Map<String, JsonNode> values = new TreeMap<>();
        Path source = file != null ? file : Files.exists(DEFAULT_FILE) ? DEFAULT_FILE : null;
        if (source != null) values.putAll(read(source));
        return build(values, inputDir, outDir, System.getenv());
    }

    static Map<String, JsonNode> read(Path file) {
        if (!Files.isRegularFile(file)) throw new ConfigException("--config", "no such file " + file);
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file, StandardCharsets.UTF_8));
            Map<String, JsonNode> flat = new TreeMap<>();
            if (root != null && !root.isNull() && !root.isMissingNode()) {
                if (!root.isObject()) throw new ConfigException("--config", file + " is not a YAML mapping");
                flatten("", root, flat);
            }
            return flat;
        } catch (JsonProcessingException e) {
            throw new ConfigException("--config", file + " is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            ConfigKey known = ConfigKey.byName(key);
            if (known != null && (ConfigKey.STRUCTURED.contains(known) || !e.getValue().isObject())) {
                out.put(key, e.getValue());
            } else if (e.getValue().isObject() && isPrefixOfAKey(key)) {
                flatten(key, e.getValue(), out);
            } else {
                throw new ConfigException(key, "unknown configuration key");
            }
        }
    }

    private static boolean isPrefixOfAKey(String prefix) {
        for (ConfigKey k : ConfigKey.values()) if (k.key().startsWith(prefix + ".")) return true;
        return false;
    }

    static AppConfig build(Map<String, JsonNode> values, Path inputOverride, Path outOverride, Map<String, String> env) {
        Settings s = new Settings(values);
        ZoneId business = s.zone(ConfigKey.BUSINESS_ZONE);
        ControlCatalog catalog = ControlCatalog.shipped();
        RuleSettings rules = new RuleSettings(business, s.duration(ConfigKey.FAILURE_REPORT_SLA),
                s.duration(ConfigKey.INCOMPLETE_AFTER), s.duration(ConfigKey.TOGGLE_REVIEW_BEFORE),
                s.duration(ConfigKey.TOGGLE_REVIEW_AFTER), s.duration(ConfigKey.GAP_LOOKBACK),
                catalog.severities(s.severities()), true, true);
        Path input = inputOverride != null ? inputOverride : Path.of(s.text(ConfigKey.INPUT_DIR));
        Path out = outOverride != null ? outOverride : Path.of(s.text(ConfigKey.OUTPUT_DIR));
        return new AppConfig(input, out, s.zone(ConfigKey.APPROVALS_ZONE), s.identifier(ConfigKey.APPROVAL_PARAM),
                s.controllers(), s.duration(ConfigKey.LOOKBACK), rules, s.text(ConfigKey.SPARK_MASTER),
                servers(s, env), report(s, env), digest(values), mail(s, env),
                new ReviewSettings(s.positiveInt(ConfigKey.REVIEW_SLA), s.text(ConfigKey.REVIEW_REVIEWER).trim()), schedule(s),
                notify(s, env), s.duration(ConfigKey.WAREHOUSE_LOCK_WAIT),
                retention(s), portal(s, env), checkpoint(env));
    }

    /** At least a day: a shorter retention would delete the snapshot a report just read before an auditor could ask. */
    private static java.time.Duration retention(Settings s) {
        java.time.Duration d = s.duration(ConfigKey.WAREHOUSE_RETENTION);
        if (d.compareTo(java.time.Duration.ofDays(1)) < 0) {
            throw new ConfigException(ConfigKey.WAREHOUSE_RETENTION.key(), "must be at least 1d, got '" + s.text(ConfigKey.WAREHOUSE_RETENTION) + "'");
        }
        return d;
    }

    private static PortalSettings portal(Settings s, Map<String, String> env) {
        String bind = s.text(ConfigKey.PORTAL_BIND).strip();
        int colon = bind.lastIndexOf(':');
        String key = ConfigKey.PORTAL_BIND.key();
        if (colon <= 0) throw new ConfigException(key, "expected host:port, e.g. 127.0.0.1:8080, got '" + bind + "'");
        int port;
        try {
            port = Integer.parseInt(bind.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) throw new ConfigException(key, "expected a port 0-65535 after the colon, got '" + bind + "'");
        String keystore = s.text(ConfigKey.PORTAL_TLS_KEYSTORE);
        Secret tlsPassword = s.secret(ConfigKey.PORTAL_TLS_PASSWORD_ENV, ConfigKey.PORTAL_TLS_PASSWORD_FILE, env);
        if (!keystore.isEmpty() && !Files.isRegularFile(Path.of(keystore))) {
            throw new ConfigException(ConfigKey.PORTAL_TLS_KEYSTORE.key(), "no such file " + keystore);
        }
        String issuer = s.httpUrl(ConfigKey.PORTAL_OIDC_ISSUER);
        String clientId = s.text(ConfigKey.PORTAL_OIDC_CLIENT_ID);
        if (!issuer.isEmpty() && clientId.isEmpty()) {
            throw new ConfigException(ConfigKey.PORTAL_OIDC_CLIENT_ID.key(), "portal.oidc.issuer is set: the portal's client id is needed too");
        }
        String users = s.text(ConfigKey.PORTAL_USERS_FILE);
        return new PortalSettings(bind.substring(0, colon), port, s.duration(ConfigKey.PORTAL_SESSION_IDLE),
                users.isEmpty() ? null : Path.of(users), s.bool(ConfigKey.PORTAL_ALLOW_PLAIN_HTTP),
                s.positiveInt(ConfigKey.PORTAL_LOCKOUT_AFTER), s.duration(ConfigKey.PORTAL_LOCKOUT_FOR),
                keystore.isEmpty() ? null : Path.of(keystore), tlsPassword, issuer, clientId,
                s.secret(ConfigKey.PORTAL_OIDC_CLIENT_SECRET_ENV, ConfigKey.PORTAL_OIDC_CLIENT_SECRET_FILE, env),
                s.text(ConfigKey.PORTAL_OIDC_REDIRECT_URL), s.text(ConfigKey.PORTAL_OIDC_ROLE_CLAIM));
    }

    /** The test-only fault-injection hook ({@link Checkpoints}); null when the variable is unset, as in production. */
    private static Checkpoints.Hook checkpoint(Map<String, String> env) {
        String text = env.get(Checkpoints.ENV);
        if (text == null || text.isBlank()) return null;
        try {
            return Checkpoints.Hook.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(Checkpoints.ENV, e.getMessage());
        }
    }

    private static ServerSettings servers(Settings s, Map<String, String> env) {
        if ("elasticsearch".equals(s.text(ConfigKey.EVIDENCE)) && s.text(ConfigKey.ES_URL).isEmpty()) {
            throw new ConfigException(ConfigKey.EVIDENCE.key(), "elasticsearch needs elasticsearch.url");
        }
        return new ServerSettings(
                s.jdbcUrl(ConfigKey.APPROVALS_JDBC_URL, ConfigKey.APPROVALS_CA_FILE), s.text(ConfigKey.APPROVALS_USER),
                s.secret(ConfigKey.APPROVALS_PASSWORD_ENV, ConfigKey.APPROVALS_PASSWORD_FILE, env),
                s.relation(ConfigKey.APPROVALS_TABLE), s.positiveInt(ConfigKey.APPROVALS_PARTITIONS),
                s.positiveInt(ConfigKey.APPROVALS_FETCH_SIZE), s.relationOrEmpty(ConfigKey.USERS_TABLE),
                s.oneOf(ConfigKey.EVIDENCE, "auto", "files", "elasticsearch"), s.httpUrl(ConfigKey.ES_URL), s.text(ConfigKey.ES_USER),
                s.secret(ConfigKey.ES_PASSWORD_ENV, ConfigKey.ES_PASSWORD_FILE, env),
                s.secret(ConfigKey.ES_API_KEY_ENV, ConfigKey.ES_API_KEY_FILE, env), s.caFile(ConfigKey.ES_CA_FILE),
                s.indexPattern(ConfigKey.BUILDS_INDEX), s.indexPattern(ConfigKey.AUDIT_INDEX),
                s.jdbcUrl(ConfigKey.WAREHOUSE_JDBC_URL, ConfigKey.WAREHOUSE_CA_FILE), s.relation(ConfigKey.WAREHOUSE_SCHEMA), s.text(ConfigKey.WAREHOUSE_USER),
                s.secret(ConfigKey.WAREHOUSE_PASSWORD_ENV, ConfigKey.WAREHOUSE_PASSWORD_FILE, env),
                s.indexPattern(ConfigKey.KIBANA_INDEX_PREFIX));
    }

    private static ReportSettings report(Settings s, Map<String, String> env) {
        String seed = s.text(ConfigKey.REPORT_SEED);
        OptionalLong parsed;
        try {
            parsed = seed.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(seed));
        } catch (NumberFormatException e) {
            throw new ConfigException(ConfigKey.REPORT_SEED.key(), "expected a whole number, got '" + seed + "'");
        }
        Map<String, Integer> sizes = new TreeMap<>(ReportSettings.DEFAULT_SIZES);
        s.map(ConfigKey.REPORT_SAMPLE_SIZES).forEach((frequency, size) -> {
            String key = ConfigKey.REPORT_SAMPLE_SIZES.key() + "." + frequency;
            if (!ReportSettings.DEFAULT_SIZES.containsKey(frequency)) {
                throw new ConfigException(key, "unknown frequency; expected one of daily, weekly, monthly, quarterly, annual");
            }
            if (!size.canConvertToInt() || size.asInt() < 1 || !size.isIntegralNumber()) throw new ConfigException(key, "expected a positive whole number");
            sizes.put(frequency, size.asInt());
        });
        Map<String, String> frequencies = new TreeMap<>();
        ControlCatalog catalog = ControlCatalog.shipped();
        s.map(ConfigKey.REPORT_CONTROL_FREQUENCY).forEach((control, frequency) -> {
            String key = ConfigKey.REPORT_CONTROL_FREQUENCY.key() + "." + control;
            if (catalog.controlIds().stream().noneMatch(control::equals)) throw new ConfigException(key, "unknown control id");
            if (!ReportSettings.DEFAULT_SIZES.containsKey(frequency.asText())) {
                throw new ConfigException(key, "expected daily, weekly, monthly, quarterly or annual");
            }
            frequencies.put(control, frequency.asText());
        });
        return new ReportSettings(s.oneOf(ConfigKey.REPORT_LOCALE, "ko", "en"), Path.of(s.text(ConfigKey.REPORT_FONT_DIR)),
                parsed, sizes, frequencies, pseudonyms(s, env));
    }

    private static PseudonymSettings pseudonyms(Settings s, Map<String, String> env) {
        boolean on = Boolean.parseBoolean(s.oneOf(ConfigKey.REPORT_PSEUDONYMISE, "false", "true"));
        Secret key = s.secret(ConfigKey.REPORT_PSEUDONYM_KEY_ENV, ConfigKey.REPORT_PSEUDONYM_KEY_FILE, env);
        if (on && !key.present()) {
            throw new ConfigException(ConfigKey.REPORT_PSEUDONYMISE.key(), "needs a key: set "
                    + ConfigKey.REPORT_PSEUDONYM_KEY_ENV.key() + " or " + ConfigKey.REPORT_PSEUDONYM_KEY_FILE.key());
        }
        if (key.present() && key.reveal().length() < PseudonymSettings.MIN_KEY_LENGTH) {
            ConfigKey named = s.text(ConfigKey.REPORT_PSEUDONYM_KEY_ENV).isEmpty() ? ConfigKey.REPORT_PSEUDONYM_KEY_FILE
                    : ConfigKey.REPORT_PSEUDONYM_KEY_ENV;
            throw new ConfigException(named.key(), "the pseudonym key must be at least " + PseudonymSettings.MIN_KEY_LENGTH
                    + " characters");
        }
        return new PseudonymSettings(on, key);
    }

    private static ScheduleSettings schedule(Settings s) {
        java.util.Map<String, String> crons = new java.util.LinkedHashMap<>();
        for (ConfigKey k : List.of(ConfigKey.SCHEDULE_NIGHTLY, ConfigKey.SCHEDULE_REPORT, ConfigKey.SCHEDULE_DIGEST, ConfigKey.SCHEDULE_PROBE)) {
            String cron = s.text(k).trim();
            if (cron.isEmpty()) continue;
            if (!org.quartz.CronExpression.isValidExpression(cron)) {
                throw new ConfigException(k.key(), "'" + cron + "' is not a Quartz cron expression (seconds minutes hours "
                        + "day-of-month month day-of-week [year], e.g. 0 30 2 * * ?)");
            }
            crons.put(k.key().substring("schedule.".length()), cron);
        }
        Duration checkin = s.duration(ConfigKey.SCHEDULE_CLUSTER_CHECKIN);
        if (checkin.toMillis() < 100) throw new ConfigException(ConfigKey.SCHEDULE_CLUSTER_CHECKIN.key(), "must be at least 100ms");
        Duration misfire = s.duration(ConfigKey.SCHEDULE_MISFIRE_THRESHOLD);
        if (misfire.toMillis() < 100) throw new ConfigException(ConfigKey.SCHEDULE_MISFIRE_THRESHOLD.key(), "must be at least 100ms");
        return new ScheduleSettings(crons, s.duration(ConfigKey.SCHEDULE_PROBE_SLEEP), misfire, checkin,
                s.positiveInt(ConfigKey.SCHEDULE_THREADS));
    }

    private static NotifySettings notify(Settings s, Map<String, String> env) {
        String min = s.text(ConfigKey.NOTIFY_MIN_SEVERITY);
        Severity severity;
        try {
            severity = Severity.valueOf(min);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigKey.NOTIFY_MIN_SEVERITY.key(), "expected HIGH, MEDIUM, LOW or INFO, got '" + min + "'");
        }
        Duration timeout = s.duration(ConfigKey.NOTIFY_TIMEOUT);
        if (timeout.toMillis() < 100) throw new ConfigException(ConfigKey.NOTIFY_TIMEOUT.key(), "must be at least 100ms");
        return new NotifySettings(NotifyTargets.parse(ConfigKey.NOTIFY_TARGETS.key(), s.values().get(ConfigKey.NOTIFY_TARGETS.key()), env),
                severity, s.positiveInt(ConfigKey.NOTIFY_ATTEMPTS), s.duration(ConfigKey.NOTIFY_MAX_WAIT), timeout);
    }

    private static MailSettings mail(Settings s, Map<String, String> env) {
        String user = s.text(ConfigKey.MAIL_SMTP_USER);
        Secret password = s.secret(ConfigKey.MAIL_SMTP_PASSWORD_ENV, ConfigKey.MAIL_SMTP_PASSWORD_FILE, env);
        if (user.isEmpty() && password.present()) {
            throw new ConfigException(ConfigKey.MAIL_SMTP_USER.key(), "a password is configured but no user to log in with");
        }
        if (!user.isEmpty() && !password.present()) {
            throw new ConfigException(ConfigKey.MAIL_SMTP_PASSWORD_ENV.key(), "the SMTP user " + user + " needs "
                    + ConfigKey.MAIL_SMTP_PASSWORD_ENV.key() + " or " + ConfigKey.MAIL_SMTP_PASSWORD_FILE.key());
        }
        String host = s.text(ConfigKey.MAIL_SMTP_HOST).trim();
        if (!host.isEmpty() && !host.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new ConfigException(ConfigKey.MAIL_SMTP_HOST.key(), "expected a host name or address without port or scheme, got '" + host + "'");
        }
        String from = s.text(ConfigKey.MAIL_FROM).trim();
        if (!from.isEmpty()) s.mailAddress(ConfigKey.MAIL_FROM.key(), from);
        List<String> to = s.list(ConfigKey.MAIL_TO);
        for (int i = 0; i < to.size(); i++) s.mailAddress(ConfigKey.MAIL_TO.key() + "[" + i + "]", to.get(i));
        return new MailSettings(host, s.port(ConfigKey.MAIL_SMTP_PORT),
                s.oneOf(ConfigKey.MAIL_SMTP_SECURITY, MailSettings.NONE, MailSettings.STARTTLS, MailSettings.TLS), user, password,
                from, to, s.oneOf(ConfigKey.DIGEST_GROUP_BY, MailSettings.BY_APPROVER, MailSettings.BY_DEPARTMENT));
    }

    /** SHA-256 of the effective settings, recorded in every batch so a result can be traced to its configuration. */
    private static String digest(Map<String, JsonNode> values) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            values.forEach((k, v) -> sha.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Duration parseDuration(String key, String text) {
        String t = text.trim();
        Matcher m = SHORT_DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(t);
        } catch (RuntimeException e) {
            throw new ConfigException(key, "expected a duration like 3d, 24h, 30m or PT24H, got '" + text + "'");
        }
    }

    /** Typed access to the flattened values, falling back to each key's default. */
    private record Settings(Map<String, JsonNode> values) {

        String text(ConfigKey k) {
            JsonNode n = values.get(k.key());
            if (n == null || n.isNull()) return k.defaultValue();
            if (!n.isValueNode()) throw new ConfigException(k.key(), "expected a single value");
            return n.asText();
        }

        ZoneId zone(ConfigKey k) {
            try {
                return ZoneId.of(text(k));
            } catch (DateTimeException e) {
                throw new ConfigException(k.key(), "unknown time zone '" + text(k) + "'");
            }
        }

        Duration duration(ConfigKey k) {
            Duration d = parseDuration(k.key(), text(k));
            if (d.isNegative()) throw new ConfigException(k.key(), "must not be negative");
            return d;
        }

        String identifier(ConfigKey k) {
            String v = text(k);
            if (!v.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
                throw new ConfigException(k.key(), "'" + v + "' is not a valid parameter name");
            }
            return v;
        }

        /** Identifiers from config end up in SQL and index names: a strict pattern, so nothing can be injected. */
        String relation(ConfigKey k) {
            String v = text(k);
            if (!v.matches("[A-Za-z_][A-Za-z0-9_]{0,63}(\\.[A-Za-z_][A-Za-z0-9_]{0,63})?")) {
                throw new ConfigException(k.key(), "'" + v + "' is not a valid table or schema name (letters, digits, '_', optionally schema.table)");
            }
            return v;
        }

        String relationOrEmpty(ConfigKey k) {
            return text(k).isEmpty() ? "" : relation(k);
        }

        String indexPattern(ConfigKey k) {
            String v = text(k);
            if (!v.matches("[a-z0-9][a-z0-9._*-]{0,200}")) {
                throw new ConfigException(k.key(), "'" + v + "' is not a valid index name or pattern (lower case, digits, '.', '_', '-', '*')");
            }
            return v;
        }

        String jdbcUrl(ConfigKey k) {
            String v = text(k);
            if (!v.isEmpty() && !v.matches("jdbc:(mysql|mariadb)://[^\\s;]+")) {
                throw new ConfigException(k.key(), "expected jdbc:mysql://host:port/database, got '" + v + "'");
            }
            if (v.matches(".*[?&](password|user)=.*")) throw new ConfigException(k.key(), "credentials do not belong in the URL; use the user and password_env keys");
            return v;
        }

        /**
         * The URL with the MariaDB driver's TLS options when a CA file is configured: TLS required, the server's
         * certificate checked against that CA and its host name ({@code sslMode=verify-full}, {@code serverSslCert}).
         */
        String jdbcUrl(ConfigKey urlKey, ConfigKey caKey) {
            String url = jdbcUrl(urlKey);
            String ca = caFile(caKey);
            if (ca.isEmpty()) return url;
            if (url.isEmpty()) throw new ConfigException(caKey.key(), "is set but " + urlKey.key() + " is not");
            if (url.matches(".*[?&](sslMode|serverSslCert)=.*")) {
                throw new ConfigException(caKey.key(), "give the CA here or sslMode/serverSslCert in " + urlKey.key() + ", not both");
            }
            // the driver splits options on '&' and '=': a path holding them would be cut
            if (ca.matches(".*[&=?#].*")) throw new ConfigException(caKey.key(), "the path may not contain '&', '=', '?' or '#'");
            return url + (url.contains("?") ? "&" : "?") + "sslMode=verify-full&serverSslCert=" + ca;
        }

        /** A readable PEM file holding at least one certificate, as an absolute path; empty when not set. */
        String caFile(ConfigKey k) {
            String v = text(k);
            if (v.isEmpty()) return v;
            Path p = Path.of(v).toAbsolutePath().normalize();
            String pem;
            try {
                pem = Files.readString(p, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new ConfigException(k.key(), "cannot read the CA certificate file " + p);
            }
            if (!pem.contains("-----BEGIN CERTIFICATE-----")) throw new ConfigException(k.key(), p + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
            return p.toString();
        }

        String httpUrl(ConfigKey k) {
            String v = text(k);
            if (!v.isEmpty() && !v.matches("https?://[^\\s@]+")) throw new ConfigException(k.key(), "expected http(s)://host:port without credentials, got '" + v + "'");
            return v;
        }

        String oneOf(ConfigKey k, String... allowed) {
            String v = text(k);
            if (!List.of(allowed).contains(v)) throw new ConfigException(k.key(), "expected one of " + String.join(", ", allowed) + ", got '" + v + "'");
            return v;
        }

        boolean bool(ConfigKey k) {
            String v = text(k).strip();
            if (v.equals("true") || v.equals("false")) return Boolean.parseBoolean(v);
            throw new ConfigException(k.key(), "expected true or false, got '" + v + "'");
        }

        int positiveInt(ConfigKey k) {
            try {
                int n = Integer.parseInt(text(k));
                if (n < 1) throw new NumberFormatException();
                return n;
            } catch (NumberFormatException e) {
                throw new ConfigException(k.key(), "expected a positive whole number, got '" + text(k) + "'");
            }
        }

        int port(ConfigKey k) {
            try {
                int n = Integer.parseInt(text(k).trim());
                if (n < 1 || n > 65535) throw new NumberFormatException();
                return n;
            } catch (NumberFormatException e) {
                throw new ConfigException(k.key(), "expected a port number (1-65535), got '" + text(k) + "'");
            }
        }

        /** A list of strings: a YAML sequence, or one string (commas separating several). */
        List<String> list(ConfigKey k) {
            JsonNode n = values.get(k.key());
            List<String> result = new ArrayList<>();
            if (n == null || n.isNull()) return result;
            if (n.isArray()) {
                for (int i = 0; i < n.size(); i++) {
                    if (!n.get(i).isValueNode() || n.get(i).isNull()) throw new ConfigException(k.key() + "[" + i + "]", "expected a single value");
                    String v = n.get(i).asText().trim();
                    if (!v.isEmpty()) result.add(v);
                }
            } else if (n.isValueNode()) {
                for (String v : n.asText().split(",")) if (!v.isBlank()) result.add(v.trim());
            } else {
                throw new ConfigException(k.key(), "expected a list");
            }
            return result;
        }

        /** One RFC 5322 address (a display name allowed), checked strictly. */
        void mailAddress(String key, String text) {
            try {
                jakarta.mail.internet.InternetAddress[] parsed = jakarta.mail.internet.InternetAddress.parse(text, true);
                if (parsed.length != 1) throw new jakarta.mail.internet.AddressException("one address expected");
                parsed[0].validate();
            } catch (jakarta.mail.internet.AddressException e) {
                throw new ConfigException(key, "'" + text + "' is not a mail address (" + e.getMessage() + ")");
            }
        }

        Secret secret(ConfigKey envKey, ConfigKey fileKey, Map<String, String> env) {
            return Secret.resolve(envKey.key(), text(envKey), fileKey.key(), text(fileKey), env);
        }

        /** A structured key's mapping, empty when absent. */
        Map<String, JsonNode> map(ConfigKey k) {
            Map<String, JsonNode> result = new TreeMap<>();
            JsonNode n = values.get(k.key());
            if (n == null || n.isNull()) return result;
            if (!n.isObject()) throw new ConfigException(k.key(), "expected a mapping");
            n.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue()));
            return result;
        }

        Map<ReasonCode, Severity> severities() {
            Map<ReasonCode, Severity> result = new EnumMap<>(ReasonCode.class);
            JsonNode n = values.get(ConfigKey.SEVERITY.key());
            if (n == null || n.isNull()) return result;
            if (!n.isObject()) throw new ConfigException(ConfigKey.SEVERITY.key(), "expected a map of reason code to severity");
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = ConfigKey.SEVERITY.key() + "." + e.getKey();
                try {
                    result.put(ReasonCode.valueOf(e.getKey()), Severity.valueOf(e.getValue().asText()));
                } catch (IllegalArgumentException ex) {
                    throw new ConfigException(key, "expected a reason code mapped to HIGH, MEDIUM, LOW or INFO");
                }
            }
            return result;
        }

        List<ControllerMapping> controllers() {
            String key = ConfigKey.CONTROLLERS.key();
            JsonNode n = values.get(key);
            List<ControllerMapping> result = new ArrayList<>();
            if (n == null || n.isNull()) return result;
            if (!n.isArray()) throw new ConfigException(key, "expected a list of {id, source_host, audit}");
            for (int i = 0; i < n.size(); i++) {
                JsonNode c = n.get(i);
                String at = key + "[" + i + "]";
                if (!c.isObject()) throw new ConfigException(at, "expected {id, source_host, audit}");
                for (Iterator<String> f = c.fieldNames(); f.hasNext(); ) {
                    String field = f.next();
                    if (!List.of("id", "source_host", "audit").contains(field)) {
                        throw new ConfigException(at + "." + field, "unknown configuration key");
                    }
                }
                String id = c.path("id").asText(null);
                if (id == null || !CONTROLLER_ID.matcher(id).matches()) {
                    throw new ConfigException(at + ".id", "a controller id of letters, digits, '.', '_' or '-' is required");
                }
                result.add(new ControllerMapping(id, c.path("source_host").asText(null), c.path("audit").asText(null)));
            }
            return result;
        }
    }
}
