package io.auditwarehouse.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fuzzer of the three real input formats (inputs.md §3, §4, §6): mutated copies of valid build documents, audit-trail
 * lines and approval rows, one physical line each, reproducible from a fixed seed.
 * <p>
 * The namespace rule, so that the valid documents mixed among the mutants still give the same findings: every mutant is
 * first moved into the controller {@value #CONTROLLER} (build records by their {@code source_host}, audit lines by being
 * written to {@code audit/fuzz.ndjson}, approval rows by their {@code controller} column) and every approval number it
 * carries is prefixed with {@value #APPROVAL_PREFIX}; no mutation writes a real controller id or approval number back.
 * A mutant that still decodes is legitimate evidence of that namespace only, so the findings of the real controllers
 * cannot change.
 */
public final class HostileInput {

    public static final String CONTROLLER = "fuzz";
    public static final String APPROVAL_PREFIX = "FUZZ-";
    private static final String FUZZ_HOST = "https://fuzz.jenkins.example/";

    /** The mutations the issue lists; each mutant gets one, in turn, so each is applied equally often. */
    public enum Mutation {
        TRUNCATED, WRONG_TYPE, NULL_VALUE, HUGE_STRING, CONTROL_CHARS, INVALID_UTF8, RTL_AND_COMBINING_JOB_NAME,
        YEAR_1_OR_9999, EXTREME_BUILD_NUMBER, HUGE_APPROVAL_NUMBER, UNBALANCED_QUOTE, EXTRA_COLUMNS
    }

    /** One physical line (never holding {@code \n}) and the mutation that made it. */
    public record Mutant(Mutation mutation, byte[] line) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MB = 1 << 20;
    /** 1 MB strings are few: each costs a megabyte of input and its decode; the rest of HUGE_STRING uses 16 KB. */
    private static final int ONE_MB_STRINGS_PER_FORMAT = 3;
    private static final byte[][] INVALID_UTF8 = {
            {(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};
    private static final String[] ODD_NAMES = {
            "\u202Epayments/settle-daily", "\u05EA\u05E9\u05DC\u05D5\u05DE\u05D9\u05DD/settle", "\u0627\u0644\u062F\u0641\u0639/\u062A\u0633\u0648\u064A\u0629",
            "pay\u0301\u0302\u0303ments/se\u0308\u0308ttle", "\u200Fa\u200E/b\u202B\u202C", "Z\u0351\u0352\u0353\u0354\u0355a\u0356\u0357lgo",
            "\u1100\u1161\u11A8/\uAC00\u0300", "\u202Dltr\u202E\u0644rtl\u202C/job"};
    private static final String[] EXTREME_NUMBERS = {"-1", "0", "-9223372036854775808", "9223372036854775808",
            "9223372036854775807", "2147483648", "-2147483649", "18446744073709551616", "1e3", "00000000000000000042"};
    private static final String[] EDGE_TIMES = {"0001-01-01T00:00:00+0900", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999+0900",
            "9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "0000-00-00T00:00:00+0900"};
    private static final String[] EDGE_MYSQL_TIMES = {"0001-01-01 00:00:00", "9999-12-31 23:59:59.999", "0000-00-00 00:00:00",
            "9999-12-31T23:59:59+09:00", "0001-01-01T00:00:00Z", "10000-01-01 00:00:00"};
    private static final String[] BUILD_FIELDS = {"data.fullProjectName", "data.url", "data.buildNum", "data.id", "@buildTimestamp",
            "@timestamp", "data.buildDuration", "data.result", "source_host", "data.buildVariables", "data.buildVariables.APPROVAL_NO",
            "data.buildVariables.BUILD_USER_ID", "data.buildHost", "data"};
    private static final String[] AUDIT_FIELDS = {"message", "@timestamp"};
    private static final Pattern APPROVAL_PARAM = Pattern.compile("APPROVAL_NO: \\{");
    private static final Pattern PARAMETERS = Pattern.compile("Parameters:\\[[^\\]]*\\]");
    private static final Pattern NUMBER = Pattern.compile(" #(\\d+) ");
    private static final Pattern DURATION = Pattern.compile("completed in (\\S+)ms");
    private static final Pattern STARTED_AT = Pattern.compile("started at (\\S+)");
    private static final CSVFormat CSV = CSVFormat.RFC4180;
    private static final List<String> APPROVAL_COLUMNS = List.of("approval_no", "request_type", "controller", "job_name",
            "build_number", "requester_id", "approver_id", "status", "requested_at", "decided_at", "valid_from",
            "valid_to", "max_runs", "reason", "updated_at");

    private final Random rng;
    private int oneMbLeft;
    private int serial;

    public HostileInput(long seed) {
        this.rng = new Random(seed);
    }

    /** What the two JSON formats (build records, audit lines) are mutated by, taken in turn. */
    private static final Mutation[] JSON_MUTATIONS = {Mutation.TRUNCATED, Mutation.WRONG_TYPE, Mutation.NULL_VALUE,
            Mutation.HUGE_STRING, Mutation.CONTROL_CHARS, Mutation.INVALID_UTF8, Mutation.RTL_AND_COMBINING_JOB_NAME,
            Mutation.YEAR_1_OR_9999, Mutation.EXTREME_BUILD_NUMBER, Mutation.HUGE_APPROVAL_NUMBER};

    // ---- build records (builds.ndjson) ----

    /** {@code count} mutants of the given valid builds.ndjson lines. */
    public List<Mutant> builds(List<String> validLines, int count) {
        List<ObjectNode> seeds = jsonSeeds(validLines);
        oneMbLeft = ONE_MB_STRINGS_PER_FORMAT;
        List<Mutant> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Mutation m = JSON_MUTATIONS[i % JSON_MUTATIONS.length];
            ObjectNode hit = seeds.get(rng.nextInt(seeds.size())).deepCopy();
            ObjectNode doc = intoNamespace(hit);
            doc.put("source_host", FUZZ_HOST);
            JsonNode vars = doc.path("data").path("buildVariables");
            if (vars.isObject() && vars.hasNonNull("APPROVAL_NO")) {
                ((ObjectNode) vars).put("APPROVAL_NO", APPROVAL_PREFIX + vars.get("APPROVAL_NO").asText());
            }
            out.add(new Mutant(m, mutateBuild(m, hit, doc)));
        }
        return out;
    }

    private byte[] mutateBuild(Mutation m, ObjectNode hit, ObjectNode doc) {
        switch (m) {
            case WRONG_TYPE -> set(doc, pick(BUILD_FIELDS), wrongType());
            case NULL_VALUE -> set(doc, pick(BUILD_FIELDS), NODES.nullNode());
            case HUGE_STRING -> set(doc, pick(new String[]{"data.fullProjectName", "data.url", "data.result", "data.buildHost",
                    "source_host", "@buildTimestamp", "data.buildVariables.BUILD_USER_ID"}), NODES.textNode(huge()));
            case CONTROL_CHARS -> {
                String field = pick(new String[]{"data.fullProjectName", "data.url", "data.result", "source_host",
                        "@buildTimestamp", "data.buildVariables.APPROVAL_NO", "data.buildVariables.BUILD_USER_ID"});
                if (rng.nextBoolean()) {
                    // escaped in the JSON: a well-formed document whose text holds control characters
                    set(doc, field, NODES.textNode(withControlChars(textAt(doc, field))));
                } else {
                    return rawControlChars(bytes(hit));
                }
            }
            case RTL_AND_COMBINING_JOB_NAME -> {
                String name = pick(ODD_NAMES);
                ObjectNode data = data(doc);
                if (rng.nextBoolean()) data.put("fullProjectName", name);
                else data.remove("fullProjectName");
                data.put("url", jobUrl(name) + data.path("buildNum").asText("1") + "/");
                data.put("fullDisplayName", String.join(" » ", name.split("/")) + " #" + data.path("buildNum").asText());
            }
            case YEAR_1_OR_9999 -> doc.put(rng.nextBoolean() ? "@buildTimestamp" : "@timestamp", pick(EDGE_TIMES));
            case EXTREME_BUILD_NUMBER -> {
                String n = pick(EXTREME_NUMBERS);
                ObjectNode data = data(doc);
                if (rng.nextBoolean() && !n.contains("e")) data.set("buildNum", NODES.numberNode(new BigInteger(n)));
                else data.put("buildNum", n);
                if (rng.nextBoolean()) data.put("id", n);
                if (rng.nextInt(3) == 0 && !n.contains("e")) data.set("buildDuration", NODES.numberNode(new BigInteger(n)));
            }
            case HUGE_APPROVAL_NUMBER -> {
                ObjectNode data = data(doc);
                ObjectNode vars = data.path("buildVariables").isObject() ? (ObjectNode) data.get("buildVariables") : data.putObject("buildVariables");
                vars.put("APPROVAL_NO", APPROVAL_PREFIX + "X".repeat(10 * 1024));
            }
            case TRUNCATED, INVALID_UTF8 -> {
                // byte-level below
            }
            default -> throw new IllegalArgumentException(m.name());
        }
        byte[] line = bytes(hit);
        if (m == Mutation.TRUNCATED) return truncate(line);
        if (m == Mutation.INVALID_UTF8) return invalidUtf8(line);
        return line;
    }

    // ---- audit trail (audit/fuzz.ndjson) ----

    /** {@code count} mutants of the given valid audit lines; write them to {@code audit/fuzz.ndjson}. */
    public List<Mutant> audit(List<String> validLines, int count) {
        List<ObjectNode> seeds = jsonSeeds(validLines);
        oneMbLeft = ONE_MB_STRINGS_PER_FORMAT;
        List<Mutant> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Mutation m = JSON_MUTATIONS[i % JSON_MUTATIONS.length];
            ObjectNode hit = seeds.get(rng.nextInt(seeds.size())).deepCopy();
            ObjectNode doc = intoNamespace(hit);
            String message = doc.path("message").asText("");
            doc.put("message", APPROVAL_PARAM.matcher(message).replaceAll("APPROVAL_NO: {" + APPROVAL_PREFIX));
            out.add(new Mutant(m, mutateAudit(m, hit, doc)));
        }
        return out;
    }

    private byte[] mutateAudit(Mutation m, ObjectNode hit, ObjectNode doc) {
        String message = doc.path("message").asText("");
        switch (m) {
            case WRONG_TYPE -> set(doc, pick(AUDIT_FIELDS), wrongType());
            case NULL_VALUE -> set(doc, pick(AUDIT_FIELDS), NODES.nullNode());
            case HUGE_STRING -> {
                if (rng.nextBoolean()) doc.put("message", message + " " + huge());
                else doc.put("message", replaceJob(message, huge().replace('x', 'j')));
            }
            case CONTROL_CHARS -> {
                if (rng.nextBoolean()) doc.put("message", withControlChars(message));
                else return rawControlChars(bytes(hit));
            }
            case RTL_AND_COMBINING_JOB_NAME -> doc.put("message", replaceJob(message, pick(ODD_NAMES)));
            case YEAR_1_OR_9999 -> {
                String t = pick(EDGE_TIMES);
                if (rng.nextBoolean() || !STARTED_AT.matcher(message).find()) doc.put("@timestamp", t);
                else doc.put("message", STARTED_AT.matcher(message).replaceFirst(Matcher.quoteReplacement("started at " + t)));
            }
            case EXTREME_BUILD_NUMBER -> {
                String n = pick(EXTREME_NUMBERS);
                Matcher num = NUMBER.matcher(message);
                String changed = num.find() ? num.replaceFirst(Matcher.quoteReplacement(" #" + n + " ")) : message + " #" + n + " Started";
                // and now and then the duration of a completion line
                if (rng.nextInt(3) == 0) changed = DURATION.matcher(changed).replaceFirst(Matcher.quoteReplacement("completed in " + n + "ms"));
                doc.put("message", changed);
            }
            case HUGE_APPROVAL_NUMBER -> {
                String block = "Parameters:[APPROVAL_NO: {" + APPROVAL_PREFIX + "9".repeat(10 * 1024) + "}]";
                Matcher p = PARAMETERS.matcher(message);
                doc.put("message", p.find() ? p.replaceFirst(Matcher.quoteReplacement(block)) : message + ", " + block);
            }
            case TRUNCATED, INVALID_UTF8 -> {
                // byte-level below
            }
            default -> throw new IllegalArgumentException(m.name());
        }
        byte[] line = bytes(hit);
        if (m == Mutation.TRUNCATED) return truncate(line);
        if (m == Mutation.INVALID_UTF8) return invalidUtf8(line);
        return line;
    }

    /** The job of a start line (URL), a completion line (display name) or a request line (URI); other lines get one. */
    private static String replaceJob(String message, String name) {
        int hash = message.indexOf(" #");
        if (message.startsWith("job/") && hash > 0) return jobUrl(name) + message.substring(hash);
        if (message.startsWith("/job/")) {
            int by = message.lastIndexOf(" by ");
            String uri = by < 0 ? message : message.substring(0, by);
            String verb = uri.substring(uri.lastIndexOf('/') + 1);
            return "/" + jobUrl(name) + verb + (by < 0 ? "" : message.substring(by));
        }
        if (hash > 0) return String.join(" » ", name.split("/")) + message.substring(hash);
        return jobUrl(name) + " #1 Started by timer, Parameters:[]";
    }

    // ---- approval rows (approvals.csv) ----

    /** {@code count} mutated data rows of the given valid approvals.csv (header first). */
    public List<Mutant> approvals(List<String> validLines, int count) {
        List<List<String>> seeds = new ArrayList<>();
        for (String line : validLines.subList(1, validLines.size())) {
            List<String> fields = csvFields(line);
            if (fields != null && fields.size() == APPROVAL_COLUMNS.size()) seeds.add(fields);
        }
        oneMbLeft = ONE_MB_STRINGS_PER_FORMAT;
        List<Mutant> out = new ArrayList<>();
        Mutation[] kinds = Mutation.values();
        for (int i = 0; i < count; i++) {
            Mutation m = kinds[i % kinds.length];
            List<String> row = new ArrayList<>(seeds.get(rng.nextInt(seeds.size())));
            row.set(col("approval_no"), APPROVAL_PREFIX + row.get(col("approval_no")));
            row.set(col("controller"), CONTROLLER);
            out.add(new Mutant(m, mutateApproval(m, row)));
        }
        return out;
    }

    private byte[] mutateApproval(Mutation m, List<String> row) {
        switch (m) {
            case WRONG_TYPE -> {
                String c = pick(new String[]{"build_number", "max_runs", "requested_at", "decided_at", "valid_from", "valid_to",
                        "updated_at", "status", "request_type"});
                row.set(col(c), pick(new String[]{"abc", "1.5", "true", "{\"a\":1}", "[1,2]", "yesterday", "2026-13-45 25:61:61", "NaN"}));
            }
            case NULL_VALUE -> row.set(col(pick(APPROVAL_COLUMNS.toArray(String[]::new))), "");
            case HUGE_STRING -> row.set(col(pick(new String[]{"reason", "job_name", "requester_id", "status", "valid_to"})), huge());
            case CONTROL_CHARS -> {
                int c = rng.nextInt(APPROVAL_COLUMNS.size());
                row.set(c, withControlChars(row.get(c)).replace('\n', '\u0001').replace('\r', '\u0002'));
            }
            case RTL_AND_COMBINING_JOB_NAME -> row.set(col("job_name"), pick(ODD_NAMES));
            case YEAR_1_OR_9999 -> row.set(col(pick(new String[]{"requested_at", "decided_at", "valid_from", "valid_to", "updated_at"})),
                    pick(EDGE_MYSQL_TIMES));
            case EXTREME_BUILD_NUMBER -> row.set(col(rng.nextBoolean() ? "build_number" : "max_runs"), pick(EXTREME_NUMBERS));
            case HUGE_APPROVAL_NUMBER -> row.set(col("approval_no"), APPROVAL_PREFIX + "CHG-" + "7".repeat(10 * 1024));
            case TRUNCATED, INVALID_UTF8, UNBALANCED_QUOTE, EXTRA_COLUMNS -> {
                // on the written line below
            }
            default -> throw new IllegalArgumentException(m.name());
        }
        String line = CSV.format(row.toArray());
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return switch (m) {
            case TRUNCATED -> truncate(bytes);
            case INVALID_UTF8 -> invalidUtf8(bytes);
            case UNBALANCED_QUOTE -> {
                // a quote opened at the start of a field, or left in the middle of one, and never closed
                // (a quote inside an unquoted field is read as a character, as most CSV readers do: not a mutant of its own)
                int at = fieldStart(line);
                yield (line.substring(0, at) + "\"" + line.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
            case EXTRA_COLUMNS -> (line + ",extra" + ",\"more, quoted\"".repeat(1 + rng.nextInt(3))).getBytes(StandardCharsets.UTF_8);
            default -> bytes;
        };
    }

    private int fieldStart(String line) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < line.length(); i++) if (line.charAt(i) == ',') starts.add(i + 1);
        return starts.get(rng.nextInt(starts.size()));
    }

    private static int col(String name) {
        return APPROVAL_COLUMNS.indexOf(name);
    }

    private static List<String> csvFields(String line) {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(line)).setFormat(CSV).get()) {
            List<CSVRecord> records = p.getRecords();
            return records.size() == 1 ? records.get(0).toList() : null;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    // ---- shared ----

    private List<ObjectNode> jsonSeeds(List<String> lines) {
        List<ObjectNode> seeds = new ArrayList<>();
        for (String line : lines) {
            try {
                JsonNode n = JSON.readTree(line);
                if (n != null && n.isObject()) seeds.add((ObjectNode) n);
            } catch (IOException e) {
                // the generator's own malformed lines are not seeds
            }
        }
        if (seeds.isEmpty()) throw new IllegalArgumentException("no valid JSON line to mutate");
        return seeds;
    }

    /** The plugin document of a line (inside an ES hit's _source when wrapped); a wrapped hit gets an id of its own. */
    private ObjectNode intoNamespace(ObjectNode hit) {
        JsonNode source = hit.get("_source");
        if (source == null || !source.isObject()) return hit;
        hit.put("_id", "fuzz-" + (++serial));
        return (ObjectNode) source;
    }

    private static ObjectNode data(ObjectNode doc) {
        return doc.path("data").isObject() ? (ObjectNode) doc.get("data") : doc.putObject("data");
    }

    private JsonNode wrongType() {
        return switch (rng.nextInt(6)) {
            case 0 -> NODES.arrayNode().add(1).add("two");
            case 1 -> NODES.objectNode().put("nested", true);
            case 2 -> NODES.booleanNode(rng.nextBoolean());
            case 3 -> NODES.numberNode(rng.nextDouble() * 1e6);
            case 4 -> NODES.numberNode(new BigInteger("123456789012345678901234567890"));
            default -> NODES.textNode("not-what-belongs-here");
        };
    }

    /** Sets a dotted path, creating objects on the way (replacing a non-object on the way). */
    private static void set(ObjectNode doc, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = doc;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            node = next != null && next.isObject() ? (ObjectNode) next : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    private static String textAt(ObjectNode doc, String path) {
        JsonNode n = doc;
        for (String p : path.split("\\.")) n = n.path(p);
        return n.isValueNode() ? n.asText() : "";
    }

    private String huge() {
        int size = oneMbLeft-- > 0 ? MB : 16 * 1024;
        return "x".repeat(size);
    }

    private String withControlChars(String text) {
        StringBuilder s = new StringBuilder(text);
        for (int k = 0, n = 1 + rng.nextInt(4); k < n; k++) {
            int c = rng.nextInt(33);
            s.insert(rng.nextInt(s.length() + 1), (char) (c == 32 ? 0x7F : c));
        }
        return s.toString();
    }

    /** Raw control bytes (a CR among them, never LF) somewhere in the line: not JSON any more unless between tokens. */
    private byte[] rawControlChars(byte[] line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = rng.nextInt(line.length + 1);
        out.write(line, 0, at);
        byte[] controls = {0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x0D, 0x1B, 0x1F, 0x7F};
        for (int k = 0, n = 1 + rng.nextInt(3); k < n; k++) out.write(controls[rng.nextInt(controls.length)]);
        out.write(line, at, line.length - at);
        return out.toByteArray();
    }

    private byte[] invalidUtf8(byte[] line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = rng.nextInt(line.length + 1);
        out.write(line, 0, at);
        out.writeBytes(INVALID_UTF8[rng.nextInt(INVALID_UTF8.length)]);
        out.write(line, at, line.length - at);
        return out.toByteArray();
    }

    private byte[] truncate(byte[] line) {
        int keep = 1 + rng.nextInt(Math.max(1, line.length - 1));
        byte[] cut = new byte[keep];
        System.arraycopy(line, 0, cut, 0, keep);
        return cut;
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jobUrl(String name) {
        StringBuilder url = new StringBuilder();
        for (String segment : name.split("/")) {
            url.append("job/").append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20")).append('/');
        }
        return url.toString();
    }

    private String pick(String[] values) {
        return values[rng.nextInt(values.length)];
    }
}
