package io.auditwarehouse.report.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/** Every fixed text of the PDF in one language: {@code reports/labels/labels_<locale>.properties}, UTF-8. */
final class Labels {

    static final String FOLDER = "reports/labels/";

    private Labels() {
    }

    /** Read directly rather than through ResourceBundle.getBundle, so the JVM's default locale never picks the language. */
    static ResourceBundle load(String locale) {
        String resource = FOLDER + "labels_" + locale + ".properties";
        try (InputStream in = Labels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no labels for locale '" + locale + "' (" + resource + ")");
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("reading " + resource + " failed", e);
        }
    }
}
