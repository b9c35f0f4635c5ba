package io.auditwarehouse.digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The digest's words in one language ({@code report.locale}: ko or en), from {@code labels_<locale>.properties}
 * beside this class. Read directly (not a ResourceBundle) so the JVM's default locale never picks the language.
 */
public final class DigestLabels {

    private final String locale;
    private final Properties labels = new Properties();

    private DigestLabels(String locale) {
        this.locale = locale;
        String name = "labels_" + locale + ".properties";
        try (InputStream in = DigestLabels.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no digest labels for locale " + locale);
            labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DigestLabels of(String locale) {
        return new DigestLabels(locale);
    }

    public String locale() {
        return locale;
    }

    /** The label with {@code {0}}, {@code {1}}... replaced by the arguments, in order. */
    public String get(String key, Object... args) {
        String text = labels.getProperty(key);
        if (text == null) throw new IllegalArgumentException("no digest label " + key + " for locale " + locale);
        for (int i = 0; i < args.length; i++) text = text.replace("{" + i + "}", String.valueOf(args[i]));
        return text;
    }

    /** {@code key.one} for one, {@code key.other} otherwise; {0} is the count. */
    public String count(String key, long n, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = n;
        System.arraycopy(more, 0, args, 1, more.length);
        return get(key + (n == 1 ? ".one" : ".other"), args);
    }
}
