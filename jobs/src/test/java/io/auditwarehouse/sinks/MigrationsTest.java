package io.auditwarehouse.sinks;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationsTest {

    /** The versioned scripts Flyway finds under {@code sql/warehouse/} on the class path, in file-name order. */
    static List<String> shippedScripts() throws IOException, URISyntaxException {
        Path dir = Path.of(Migrations.class.getResource("/sql/warehouse").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }

    @Test
    void everyShippedScriptIsAVersionedFlywayScriptNumberedWithoutGaps() throws Exception {
        List<String> scripts = shippedScripts();
        List<String> versions = new ArrayList<>();
        for (String s : scripts) {
            assertTrue(s.matches("V\\d{3}__[a-z0-9_]+\\.sql"), s);
            versions.add(s.substring(0, 4));
            assertFalse(SqlScripts.read("warehouse/" + s).isBlank(), s);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= scripts.size(); i++) expected.add(String.format("V%03d", i));
        assertEquals(expected, versions);
        assertTrue(scripts.size() >= 3, scripts.toString());
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
