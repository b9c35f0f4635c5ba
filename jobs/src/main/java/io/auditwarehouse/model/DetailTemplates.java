package io.auditwarehouse.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line detail of a finding per reason code and locale ({@code schemas/finding-details.csv}): templates with
 * {@code {field}} placeholders, filled from the finding's detail fields. The warehouse's English {@code detail} is the
 * {@code en} template filled at reconciliation; the report fills the template of its locale from the same fields.
 * A code with variants (e.g. EXECUTOR_NOT_AUTHORIZED.remote) names the variant in the field {@value #VARIANT}.
 */
public final class DetailTemplates implements Serializable {

    public static final String RESOURCE = "/schemas/finding-details.csv";
    public static final List<String> LOCALES = List.of("en", "ko");
    public static final String VARIANT = "variant";
    /** What a placeholder without a value reads as (a window with no end, say). */
    static final String UNKNOWN = "_unknown";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Template key to locale to template text. */
    private final Map<String, Map<String, String>> templates;

    private DetailTemplates(Map<String, Map<String, String>> templates) {
        this.templates = templates;
    }

    public static DetailTemplates shipped() {
        return ShippedCsv.read(RESOURCE, "detail templates", DetailTemplates::read);
    }

    static DetailTemplates read(Reader csv) throws IOException {
        Map<String, Map<String, String>> templates = new TreeMap<>();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv)) {
            Map<String, String> byLocale = new TreeMap<>();
            for (String locale : LOCALES) byLocale.put(locale, r.get(locale));
            templates.put(r.get("template"), byLocale);
        }
        return new DetailTemplates(templates);
    }

    /** Every template key: reason codes, code.variant, and {@value #UNKNOWN}. */
    public Set<String> keys() {
        return templates.keySet();
    }

    /** The template text, or null when there is none. */
    public String template(String key, String locale) {
        Map<String, String> byLocale = templates.get(key);
        return byLocale == null ? null : byLocale.get(locale);
    }

    /** The placeholders of a template text, in order of appearance. */
    public static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** The detail line in {@code locale}, or null when no template fits (the caller keeps the stored English one). */
    public String render(String locale, String reasonCode, Map<String, String> fields) {
        String variant = fields.get(VARIANT);
        String template = template(variant == null ? reasonCode : reasonCode + "." + variant, locale);
        if (template == null) return null;
        String unknown = template(UNKNOWN, locale);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = fields.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? unknown : value));
        }
        return m.appendTail(out).toString();
    }

    /** The detail line in {@code locale} from the stored fields; {@code stored} (the English line) when there are none. */
    public String renderOrStored(String locale, String reasonCode, String fieldsJson, String stored) {
        if (fieldsJson == null || fieldsJson.isBlank()) return stored;
        String rendered = render(locale, reasonCode, fromJson(fieldsJson));
        return rendered == null ? stored : rendered;
    }

    /** The fields as stored with the finding: a JSON object with sorted keys. */
    public static String toJson(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored fields; empty for null or text that is not a JSON object of strings. */
    public static Map<String, String> fromJson(String json) {
        if (json == null || json.isBlank()) return Map.of();
        try {
            return JSON.readValue(json, new TypeReference<TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
