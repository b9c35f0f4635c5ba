import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * The extraction floor of one nightly (issue 11): the least a reader can do to get the inputs the job reads, with
 * nothing of the product in the way. A sliced scroll over the build and audit indices with the time range the job
 * pushes down, parsed token by token with Jackson's streaming parser (java.net.http, one thread per slice), and a
 * streaming JDBC read of the approval and user tables.
 *
 * <p>Run by bench/run. Prints one line per part and a last line {@code floor documents=N approvals=N users=N} that
 * the harness compares with the nightly's "read N documents".
 */
public final class ExtractionFloor {

    // --- the window the job reads: a mirror of EsEvidence.load with the default rules.* (change both together) ---
    static final Duration GAP_LOOKBACK = Duration.ofDays(35);      // rules.gap_lookback
    static final Duration INCOMPLETE_AFTER = Duration.ofHours(24); // rules.incomplete_after
    static final Duration FAILURE_REPORT_SLA = Duration.ofDays(3); // rules.failure_report_sla
    static final String BUILD_FIELDS = "data.fullProjectName,data.projectName,data.url,data.buildNum,data.id,data.result,"
            + "data.buildDuration,data.buildHost,data.buildVariables,source_host,@buildTimestamp,@timestamp";
    static final String AUDIT_FIELDS = "message,@timestamp";
    // ---

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public static void main(String[] args) throws Exception {
        try {
            run(options(args));
        } catch (IllegalArgumentException e) {
            System.err.println("error: extraction floor: " + e.getMessage());
            System.exit(2);
        } catch (IOException | SQLException | IllegalStateException e) {
            System.err.println("error: extraction floor: " + e.getMessage());
            System.exit(3);
        }
    }

    static void run(Map<String, String> a) throws Exception {
        LocalDate date = LocalDate.parse(need(a, "date"));
        int lookback = Integer.parseInt(a.getOrDefault("lookback-days", "7"));
        ZoneId zone = ZoneId.of(a.getOrDefault("zone", "Asia/Seoul"));
        int slices = Integer.parseInt(a.getOrDefault("slices", "2"));
        Instant from = date.minusDays(lookback).atStartOfDay(zone).toInstant().minus(GAP_LOOKBACK).minus(Duration.ofDays(1));
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant().plus(INCOMPLETE_AFTER).plus(FAILURE_REPORT_SLA).plus(Duration.ofDays(1));
        String range = "{\"range\":{\"@timestamp\":{\"gte\":\"" + from + "\",\"lt\":\"" + to + "\",\"format\":\"strict_date_optional_time\"}}}";
        System.out.printf("floor: %s and %d lookback days, @timestamp in [%s, %s), %d slices per index pattern%n", date, lookback, from, to, slices);

        Scroller es = new Scroller(need(a, "es"), Integer.parseInt(a.getOrDefault("scroll-size", "2000")));
        String password = a.containsKey("password-file") ? Files.readString(Path.of(a.get("password-file"))).strip() : "";
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(slices);
        try {
            Future<long[]> jdbc = pool.submit(() -> new long[]{
                    rows(need(a, "jdbc"), a.getOrDefault("user", "root"), password, table(a, "approvals-table", "approval_record")),
                    rows(need(a, "jdbc"), a.getOrDefault("user", "root"), password, table(a, "users-table", "app_user"))});
            List<Future<Long>> builds = slices(pool, es, need(a, "builds"), BUILD_FIELDS, range, slices);
            List<Future<Long>> audit = slices(pool, es, need(a, "audit"), AUDIT_FIELDS, range, slices);
            long buildDocs = sum(builds);
            long auditDocs = sum(audit);
            long[] approvals = unwrap(jdbc);
            System.out.printf("floor: %,d build documents, %,d audit documents, %,d approvals, %,d users in %.1f s%n",
                    buildDocs, auditDocs, approvals[0], approvals[1], (System.nanoTime() - started) / 1e9);
            System.out.printf("floor documents=%d approvals=%d users=%d%n", buildDocs + auditDocs, approvals[0], approvals[1]);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Future<Long>> slices(ExecutorService pool, Scroller es, String pattern, String fields, String query, int slices) {
        List<Future<Long>> parts = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            // Elasticsearch refuses a slice clause with max 1
            String slice = slices > 1 ? "\"slice\":{\"id\":" + i + ",\"max\":" + slices + "}," : "";
            String body = "{" + slice + "\"size\":" + es.size + ",\"sort\":[\"_doc\"],\"_source\":[\""
                    + fields.replace(",", "\",\"") + "\"],\"query\":" + query + "}";
            parts.add(pool.submit(() -> es.count(pattern, body)));
        }
        return parts;
    }

    /** One scroll: pages until an empty one, each parsed as a stream; returns the hits seen. */
    static final class Scroller {
        final String base;
        final int size;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        Scroller(String base, int size) {
            this.base = base.replaceAll("/+$", "");
            this.size = size;
        }

        long count(String pattern, String firstBody) throws IOException, InterruptedException {
            Page page = post("/" + pattern + "/_search?scroll=2m", firstBody);
            long hits = page.hits;
            String scrollId = page.scrollId;
            try {
                while (page.hits > 0) {
                    page = post("/_search/scroll", "{\"scroll\":\"2m\",\"scroll_id\":\"" + scrollId + "\"}");
                    hits += page.hits;
                    if (page.scrollId != null) scrollId = page.scrollId;
                }
            } finally {
                if (scrollId != null) send("DELETE", "/_search/scroll", "{\"scroll_id\":[\"" + scrollId + "\"]}").body().close();
            }
            return hits;
        }

        private Page post(String path, String body) throws IOException, InterruptedException {
            HttpResponse<InputStream> r = send("POST", path, body);
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(base + path + " answered " + r.statusCode() + ": "
                            + new String(in.readNBytes(300), StandardCharsets.UTF_8));
                }
                return Page.parse(in);
            }
        }

        private HttpResponse<InputStream> send(String method, String path, String body) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (java.net.ConnectException e) {
                throw new IOException("cannot reach Elasticsearch at " + base, e);
            }
        }
    }

    /** A scroll page: its id and its hits, each hit's tokens read (and its text decoded) as a decoder would. */
    record Page(String scrollId, long hits) {
        static Page parse(InputStream in) throws IOException {
            String scrollId = null;
            long hits = 0;
            try (JsonParser p = JSON.createParser(in)) {
                expect(p.nextToken(), JsonToken.START_OBJECT);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("_scroll_id")) {
                        scrollId = p.getText();
                    } else if (field.equals("hits")) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String inner = p.currentName();
                            if (p.nextToken() == JsonToken.START_ARRAY && inner.equals("hits")) {
                                while (p.nextToken() == JsonToken.START_OBJECT) {
                                    readHit(p);
                                    hits++;
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
            return new Page(scrollId, hits);
        }

        private static void readHit(JsonParser p) throws IOException {
            for (int depth = 1; depth > 0; ) {
                JsonToken t = p.nextToken();
                if (t.isStructStart()) depth++;
                else if (t.isStructEnd()) depth--;
                else if (t.isScalarValue()) p.getText();
            }
        }

        private static void expect(JsonToken actual, JsonToken expected) {
            if (actual != expected) throw new IllegalStateException("unexpected answer from Elasticsearch: " + actual);
        }
    }

    /** Every column of every row of {@code table}, streamed (the MariaDB driver streams with a fetch size set). */
    static long rows(String url, String user, String password, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
             Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(1000);
            long rows = 0;
            try (ResultSet rs = st.executeQuery("select * from " + table)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) rs.getObject(i);
                    rows++;
                }
            }
            return rows;
        }
    }

    private static String table(Map<String, String> a, String key, String fallback) {
        String t = a.getOrDefault(key, fallback);
        if (!TABLE.matcher(t).matches()) throw new IllegalArgumentException("--" + key + ": not a table name: " + t);
        return t;
    }

    private static long sum(List<Future<Long>> parts) throws Exception {
        long n = 0;
        for (Future<Long> f : parts) n += unwrap(f);
        return n;
    }

    private static <T> T unwrap(Future<T> f) throws Exception {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --option value, got " + args[i]);
            a.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) throw new IllegalArgumentException("option without value: " + args[args.length - 1]);
        return a;
    }

    private static String need(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) throw new IllegalArgumentException("missing --" + key);
        return v;
    }
}
