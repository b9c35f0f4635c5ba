package io.auditwarehouse.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A statement shipped in {@code sql/} (packaged in the jar under /sql). */
public final class SqlFile {

    private SqlFile() {
    }

    /** @param path relative to sql/, e.g. "source/insert_approval.sql" */
    public static String read(String path) {
        try (InputStream in = SqlFile.class.getResourceAsStream("/sql/" + path)) {
            if (in == null) throw new IllegalStateException("sql/" + path + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
