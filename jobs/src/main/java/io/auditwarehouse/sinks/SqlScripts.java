package io.auditwarehouse.sinks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The SQL files shipped under {@code sql/} in the jar: read by path, split into statements. */
public final class SqlScripts {

    private SqlScripts() {
    }

    /** @param path inside {@code sql/}, e.g. {@code warehouse/V001__tables.sql} */
    public static String read(String path) {
        try (InputStream in = SqlScripts.class.getResourceAsStream("/sql/" + path)) {
            if (in == null) throw new IllegalStateException("sql/" + path + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements of a script: {@code --} comment lines dropped, split where a line ends with {@code ;}. */
    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) continue;
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) statements.add(current.toString().strip());
        return statements;
    }
}
