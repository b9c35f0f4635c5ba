package io.auditwarehouse.sources.jenkins;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Job URL paths as Jenkins prints them: {@code job/payments/job/settle-daily/}, {@code job/a/job/b/42/},
 * {@code /job/a/job/b/configSubmit}, each name segment percent-encoded UTF-8.
 * A path is a job path when it starts with {@code job/<name>} pairs, optionally mixed with {@code view/<name>} pairs.
 */
public final class JobUrls {

    /** A decoded job path: the full job name (folders joined by {@code /}) and the raw segments after it. */
    public record JobPath(String jobName, List<String> rest) {
    }

    /** A request on a job: {@code /job/a/job/b/disable} is job {@code a/b}, verb {@code disable}. */
    public record JobRequest(String jobName, String verb) {
    }

    private JobUrls() {
    }

    /**
     * Splits a path into its job name and what follows it, or null when it does not start with a job.
     *
     * @throws IllegalArgumentException when a name segment is not valid percent-encoded UTF-8
     */
    public static JobPath parse(String path) {
        if (path == null) return null;
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) segments.add(s);
        }
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i + 1 < segments.size() && (segments.get(i).equals("job") || segments.get(i).equals("view"))) {
            if (segments.get(i).equals("job")) names.add(decode(segments.get(i + 1)));
            i += 2;
        }
        if (names.isEmpty()) return null;
        return new JobPath(String.join("/", names), List.copyOf(segments.subList(i, segments.size())));
    }

    /** The job name of a job or build URL ({@code job/a/job/b/} or {@code job/a/job/b/42/}), or null. */
    public static String jobName(String url) {
        JobPath p = parse(url);
        if (p == null) return null;
        boolean jobOrBuild = p.rest().isEmpty() || (p.rest().size() == 1 && p.rest().get(0).matches("\\d+"));
        return jobOrBuild ? p.jobName() : null;
    }

    /** The job and verb of a request URI, or null when the URI is not exactly {@code <job path>/<verb>}. */
    public static JobRequest request(String uri) {
        JobPath p = parse(uri);
        return p == null || p.rest().size() != 1 ? null : new JobRequest(p.jobName(), p.rest().get(0));
    }

    /** Strict percent-decoding: {@code +} stays a plus (Jenkins encodes a space as {@code %20}). */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) return segment;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < segment.length()) {
            if (segment.charAt(i) == '%') {
                if (i + 2 >= segment.length()) throw badSegment(segment);
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) throw badSegment(segment);
                bytes.write(hi * 16 + lo);
                i += 3;
            } else {
                int next = segment.indexOf('%', i);
                int end = next < 0 ? segment.length() : next;
                bytes.writeBytes(segment.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw badSegment(segment);
        }
    }

    private static IllegalArgumentException badSegment(String segment) {
        return new IllegalArgumentException("bad percent-encoding in job URL segment '" + segment + "'");
    }
}
