package io.auditwarehouse.sources.jenkins;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JenkinsTimeTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void logstashFormatWithMillisAndCompactOffset() throws Exception {
        assertEquals(Instant.parse("2026-09-30T17:00:00.123Z"), JenkinsTime.parse("2026-10-01T02:00:00.123+0900"));
    }

    @Test
    void auditFormatWithoutFractionAndCompactOffset() throws Exception {
        assertEquals(Instant.parse("2026-09-30T17:00:00Z"), JenkinsTime.parse("2026-10-01T02:00:00+0900"));
        assertEquals(Instant.parse("2026-10-01T03:30:00Z"), JenkinsTime.parse("2026-09-30T23:00:00-0430"));
    }

    @Test
    void isoWithZuluOrColonOffset() throws Exception {
        assertEquals(Instant.parse("2026-09-30T17:00:00Z"), JenkinsTime.parse("2026-09-30T17:00:00Z"));
        assertEquals(Instant.parse("2026-09-30T17:00:00Z"), JenkinsTime.parse("2026-10-01T02:00:00+09:00"));
        assertEquals(Instant.parse("2026-09-30T17:00:00.5Z"), JenkinsTime.parse("2026-10-01T02:00:00.5+09:00"));
        assertEquals(Instant.parse("2026-09-30T17:00:00.123456789Z"), JenkinsTime.parse("2026-09-30T17:00:00.123456789Z"));
        assertEquals(Instant.parse("2026-09-30T17:00:00Z"), JenkinsTime.parse("2026-10-01T02:00:00+09"));
    }

    @Test
    void epochMillisAsJsonNumberOrDigits() throws Exception {
        Instant t = Instant.parse("2026-09-30T17:00:00.123Z");
        assertEquals(t, JenkinsTime.parse(NODES.numberNode(t.toEpochMilli())));
        assertEquals(t, JenkinsTime.parse(String.valueOf(t.toEpochMilli())));
        assertEquals(t, JenkinsTime.parse(NODES.textNode("2026-10-01T02:00:00.123+0900")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01T00:00:00Z", "2026-10-01 02:00:00", "2026-10-01T02:00:00", "yesterday", "",
            "2026-10-01T02:00:00+09:0", "2026-10-01T25:00:00Z", "2026-02-30T00:00:00Z", "2026-10-01T02:00:60Z",
            "2026-10-01T02:00:00.1234567891Z", "2026-10-01T02:00:00+1900", "2026-10-01T02:00:00ZZ",
            "2026-10-01T02:00:00+0900x", "2026-10-01T02:0a:00Z"})
    void unparseableTextQuotesTheValue(String value) {
        UnparseableTimeException e = assertThrows(UnparseableTimeException.class, () -> JenkinsTime.parse(value));
        assertEquals("unparseable time '" + value + "'", e.getMessage());
    }

    /** The digit-by-digit path takes the plugins' layouts; whatever it declines goes to the general parser. */
    @Test
    void commonLayoutsTakeTheDirectPath() {
        assertEquals(Instant.parse("2026-09-30T17:00:00.123Z"), JenkinsTime.parseCommon("2026-10-01T02:00:00.123+0900"));
        assertEquals(Instant.parse("2026-10-01T03:30:00Z"), JenkinsTime.parseCommon("2026-09-30T23:00:00-0430"));
        assertEquals(Instant.parse("2026-09-30T17:00:00.5Z"), JenkinsTime.parseCommon("2026-10-01T02:00:00.5+09:00"));
        assertEquals(Instant.parse("2026-09-30T17:00:00.123456789Z"), JenkinsTime.parseCommon("2026-09-30T17:00:00.123456789Z"));
        assertEquals(Instant.parse("2028-02-29T23:59:59Z"), JenkinsTime.parseCommon("2028-02-29T23:59:59Z"));
        assertNull(JenkinsTime.parseCommon("2026-10-01T02:00:00+09"));
        assertNull(JenkinsTime.parseCommon("2026-10-01T02:00+09:00"));
        assertNull(JenkinsTime.parseCommon("2027-02-29T00:00:00Z"));
    }

    @Test
    void unparseableJsonValues() {
        assertThrows(UnparseableTimeException.class, () -> JenkinsTime.parse(NODES.booleanNode(true)));
        assertThrows(UnparseableTimeException.class, () -> JenkinsTime.parse(NODES.nullNode()));
        assertThrows(UnparseableTimeException.class, () -> JenkinsTime.parse((String) null));
    }
}
