package io.auditwarehouse.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A catalog the jar carries as CSV under {@code /schemas/} (control catalog, detail templates, quarantine reasons). */
final class ShippedCsv {

    /** How a catalog is made from its CSV text. */
    interface Parser<T> {
        T read(Reader csv) throws IOException;
    }

    private ShippedCsv() {
    }

    /** @param what the catalog's name, for the error when the resource is missing from the jar */
    static <T> T read(String resource, String what, Parser<T> parser) {
        try (InputStream in = ShippedCsv.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(what + " " + resource + " missing from the jar");
            return parser.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
