package io.auditwarehouse.sources.files;

import io.auditwarehouse.model.User;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsersCsvTest {

    private static final String HEADER = "user_id,display_name,department,role,active_from,active_to\n";

    @Test
    void rowsWithZoneRoleAndNulls() {
        Parsed<User> p = UsersCsv.read(new StringReader("\uFEFF" + HEADER
                + "choi.op,최운영,운영팀,operator,2025-01-01 00:00:00,\n"
                + "jung.old,Jung Former,,OPERATOR,2025-01-01 00:00:00,2026-09-01 00:00:00.500\n"), ZoneId.of("Asia/Seoul"), "users.csv");
        assertEquals(0, p.rejected().size());
        assertEquals(new User("choi.op", "최운영", "운영팀", "OPERATOR", Instant.parse("2024-12-31T15:00:00Z"), null), p.rows().get(0));
        User old = p.rows().get(1);
        assertNull(old.department());
        assertEquals(Instant.parse("2026-08-31T15:00:00.500Z"), old.activeTo());
    }

    @Test
    void badRowsAreQuarantined() {
        Parsed<User> p = UsersCsv.read(new StringReader(HEADER
                + ",Nobody,,OPERATOR,,\n"
                + "kim.op,Kim Operator,운영팀,OPERATOR,someday,\n"
                + "lee.dev,Lee Developer,정산개발팀,DEVELOPER,2025-01-01T00:00:00Z,\n"), ZoneOffset.UTC, "users.csv");
        assertEquals(1, p.rows().size());
        assertEquals("lee.dev", p.rows().get(0).userId());
        assertEquals("users.csv:2", p.rejected().get(0).documentId());
        assertEquals("missing user_id", p.rejected().get(0).reason());
        assertEquals("users", p.rejected().get(1).source());
        assertEquals("unparseable time 'someday' in active_from", p.rejected().get(1).reason());
    }

    @Test
    void missingColumnIsAConfigurationError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UsersCsv.read(new StringReader("user_id,display_name,department,active_from,active_to\n"), ZoneOffset.UTC, "users.csv"));
        assertTrue(e.getMessage().contains("'role'"), e.getMessage());
    }

    @Test
    void workedExampleReadsWithoutQuarantine() throws Exception {
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/worked-example/users.csv"), StandardCharsets.UTF_8)) {
            Parsed<User> p = UsersCsv.read(in, ZoneOffset.UTC, "users.csv");
            assertEquals(0, p.rejected().size(), () -> p.rejected().toString());
            assertEquals(5, p.rows().size());
            assertEquals("APPROVER", p.rows().get(3).role());
            assertEquals(Instant.parse("2026-09-01T00:00:00Z"), p.rows().get(4).activeTo());
        }
    }
}
