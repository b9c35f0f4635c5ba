package io.auditwarehouse.sources.jenkins;

import io.auditwarehouse.model.Trigger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of an audit-trail build line after {@code #N}: the causes' short descriptions joined by {@code ", "},
 * then, from plugin versions that print it, {@code ", Parameters:[NAME: {value}, ...]"}.
 *
 * @param userDisplayName for a first cause {@code Started by user X}: X
 * @param parameters      null when the line had no Parameters block
 */
record BuildCauses(Trigger trigger, String userDisplayName, Map<String, String> parameters) {

    private static final String PARAMETERS = ", Parameters:[";
    private static final String BY_USER = "Started by user ";
    private static final String BY_UPSTREAM = "Started by upstream project ";
    private static final String BY_REMOTE = "Started by remote host ";

    // NAME: {value}, where a value ends at the "}" that is followed by the next "NAME: {" or by the end
    private static final Pattern PARAMETER = Pattern.compile(
            "\\G([^:{}\\s][^:{}]*?): \\{(.*?)\\}(?:, (?=[^:{}\\s][^:{}]*?: \\{)|\\z)", Pattern.DOTALL);

    static BuildCauses parse(String text) throws Rejected {
        int p = text.indexOf(PARAMETERS);
        if (p < 0) return fromCauses(text, null);
        if (!text.endsWith("]")) throw new Rejected("unparseable parameters");
        return fromCauses(text.substring(0, p), parameters(text.substring(p + PARAMETERS.length(), text.length() - 1)));
    }

    boolean parametersSeen() {
        return parameters != null;
    }

    String parameter(String name) {
        return parameters == null ? null : parameters.get(name);
    }

    /** Only the first cause decides the trigger. */
    private static BuildCauses fromCauses(String causes, Map<String, String> parameters) {
        int comma = causes.indexOf(", ");
        String first = (comma < 0 ? causes : causes.substring(0, comma)).trim();
        if (first.startsWith(BY_USER)) {
            String name = first.substring(BY_USER.length()).trim();
            return new BuildCauses(Trigger.USER, name.isEmpty() ? null : name, parameters);
        }
        Trigger trigger;
        if (first.equals("Started by timer")) trigger = Trigger.TIMER;
        else if (first.startsWith(BY_UPSTREAM)) trigger = Trigger.UPSTREAM;
        else if (first.equals("Started by an SCM change")) trigger = Trigger.SCM;
        else if (first.startsWith(BY_REMOTE)) trigger = Trigger.REMOTE;
        else trigger = Trigger.UNKNOWN;
        return new BuildCauses(trigger, null, parameters);
    }

    private static Map<String, String> parameters(String block) throws Rejected {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = PARAMETER.matcher(block);
        int end = 0;
        while (end < block.length() && m.find()) {
            values.putIfAbsent(m.group(1), m.group(2));
            end = m.end();
        }
        if (end != block.length()) throw new Rejected("unparseable parameters");
        return values;
    }
}
