package io.auditwarehouse.sinks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuartzTablesTest {

    @Test
    void theShippedScriptGivesCreateStatementsOnlyWithTheLocksTableAmongThem() {
        List<String> statements = QuartzTables.statements();
        assertTrue(statements.stream().allMatch(s -> s.startsWith("CREATE TABLE") || s.startsWith("CREATE INDEX")), statements.toString());
        assertEquals(11, statements.stream().filter(s -> s.startsWith("CREATE TABLE")).count(), statements.toString());
        assertTrue(statements.stream().anyMatch(s -> s.startsWith("CREATE TABLE " + QuartzTables.MARKER)), statements.toString());
    }
}
