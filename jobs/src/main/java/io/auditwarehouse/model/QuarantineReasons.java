package io.auditwarehouse.model;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarantine reason in the report's language ({@code schemas/quarantine-reasons.csv}). The warehouse keeps the
 * English phrase the decoder wrote; the report matches it against the catalog's patterns, in order, and fills the
 * first match's template of its locale with the quoted parts ({@code {1}}, {@code {2}}, ...).
 */
public final class QuarantineReasons {

    public static final String RESOURCE = "/schemas/quarantine-reasons.csv";
    private static final Pattern GROUP = Pattern.compile("\\{(\\d)}");

    /** One catalog row: the pattern over the English phrase, and its template per locale. */
    public record Entry(Pattern pattern, Map<String, String> templates) {
    }

    private final List<Entry> entries;

    private QuarantineReasons(List<Entry> entries) {
        this.entries = entries;
    }

    public static QuarantineReasons shipped() {
        return ShippedCsv.read(RESOURCE, "quarantine reasons", QuarantineReasons::read);
    }

    static QuarantineReasons read(Reader csv) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv)) {
            entries.add(new Entry(Pattern.compile(r.get("pattern")), Map.of("en", r.get("en"), "ko", r.get("ko"))));
        }
        return new QuarantineReasons(List.copyOf(entries));
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The reason in {@code locale}; the stored phrase itself when no pattern matches it or the locale has no template. */
    public String render(String locale, String reason) {
        if (reason == null) return null;
        for (Entry e : entries) {
            Matcher m = e.pattern().matcher(reason);
            if (!m.matches()) continue;
            String template = e.templates().get(locale);
            if (template == null) return reason;
            Matcher g = GROUP.matcher(template);
            StringBuilder out = new StringBuilder();
            while (g.find()) g.appendReplacement(out, Matcher.quoteReplacement(m.group(Integer.parseInt(g.group(1)))));
            return g.appendTail(out).toString();
        }
        return reason;
    }
}
