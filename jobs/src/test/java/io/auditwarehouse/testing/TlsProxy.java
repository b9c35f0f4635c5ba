package io.auditwarehouse.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The nginx that {@code bin/test-services up} runs in front of the test Elasticsearch, terminating TLS with a
 * certificate of its test CA: basic auth on one https port, an {@code Authorization: ApiKey} header on another. The
 * TLS tests need it in every mode, Testcontainers included; without it they fail, naming the command that starts it.
 */
public record TlsProxy(String basicUrl, String user, Path passwordFile, String apiKeyUrl, Path apiKeyFile, Path caFile) {

    public static TlsProxy fromEnvironment() {
        return new TlsProxy(required("AW_TEST_ES_BASIC_URL"), required("AW_TEST_ES_BASIC_USER"),
                file("AW_TEST_ES_BASIC_PASSWORD_FILE"), required("AW_TEST_ES_APIKEY_URL"), file("AW_TEST_ES_APIKEY_FILE"),
                file("AW_TEST_ES_CA_FILE"));
    }

    public String password() throws IOException {
        return Files.readString(passwordFile).strip();
    }

    /** The API key as Elasticsearch hands it out: base64 of {@code id:key}. */
    public String apiKey() throws IOException {
        return Files.readString(apiKeyFile).strip();
    }

    /** The URL with plain http on the https port of the basic-auth listener. */
    public String plainHttpUrl() {
        return basicUrl.replaceFirst("^https:", "http:");
    }

    private static Path file(String name) {
        Path p = Path.of(required(name));
        if (!Files.isReadable(p)) throw new IllegalStateException(name + "=" + p + " is not readable: run bin/test-services up again");
        return p;
    }

    private static String required(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(name + " is not set: the TLS tests need the nginx proxy and test CA that "
                    + "`eval \"$(AW_TEST_FORCE_LOCAL=1 bin/test-services up)\"` starts (nginx and openssl from Debian packages), "
                    + "also where Docker serves the other tests");
        }
        return v;
    }
}
