package io.auditwarehouse.sinks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationsTest {

    @Test
    void theIndexListsEveryShippedScriptInVersionOrder() {
        List<Migrations.Migration> all = Migrations.all();
        assertEquals(List.of("V001", "V002", "V003"), all.stream().map(Migrations.Migration::version).toList());
        for (Migrations.Migration m : all) assertFalse(SqlScripts.read("warehouse/" + m.script()).isBlank(), m.script());
    }

    @Test
    void scriptsSplitAtLineEndSemicolonsWithoutCommentLines() {
        List<String> statements = SqlScripts.statements("""
                -- a comment; with a semicolon
                CREATE TABLE a (x INT);
                SELECT ';' AS s,
                       1 AS n;
                """);
        assertEquals(List.of("CREATE TABLE a (x INT)", "SELECT ';' AS s,\n       1 AS n"), statements);
    }

    @Test
    void everySavedQueryIsOneStatementWithBoundParameters() {
        for (String query : List.of("runs_under_approval", "open_high_exceptions", "failed_runs_without_report")) {
            List<String> statements = SqlScripts.statements(SqlScripts.read("queries/" + query + ".sql"));
            assertEquals(1, statements.size(), query);
            assertTrue(statements.get(0).contains("?"), query);
        }
    }
}
