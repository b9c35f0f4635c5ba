package io.auditwarehouse.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority made at test time with openssl, nothing committed: the one {@code bin/test-services up}
 * made for its nginx (AW_TEST_TLS_DIR holds {@code ca.pem} and {@code ca.key}), or a new one, e.g. the "wrong CA" of a
 * failure case. {@link #issueServer} signs a certificate for 127.0.0.1 and localhost.
 */
public final class TestCa {

    private final Path dir;

    private TestCa(Path dir) {
        this.dir = dir;
    }

    /** The CA of the nginx proxy when bin/test-services made one, so that both servers share it; else a new one. */
    public static TestCa shared(Path fallbackDir) throws Exception {
        String tls = System.getenv("AW_TEST_TLS_DIR");
        if (tls != null && !tls.isBlank() && Files.isReadable(Path.of(tls, "ca.key"))) return new TestCa(Path.of(tls));
        return create(fallbackDir, "audit-warehouse test CA");
    }

    /** A new CA (key and self-signed certificate) in {@code dir}. */
    public static TestCa create(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        openssl(List.of("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=" + name,
                "-keyout", dir.resolve("ca.key").toString(), "-out", dir.resolve("ca.pem").toString()));
        return new TestCa(dir);
    }

    /** The CA certificate (PEM), what a client is configured to trust. */
    public Path caFile() {
        return dir.resolve("ca.pem");
    }

    /** A server key and certificate for 127.0.0.1/localhost signed by this CA, as {@code <name>.key} and {@code <name>.pem} in {@code into}. */
    public Path[] issueServer(Path into, String name) throws Exception {
        Files.createDirectories(into);
        Path key = into.resolve(name + ".key");
        Path csr = into.resolve(name + ".csr");
        Path cert = into.resolve(name + ".pem");
        Path ext = Files.writeString(into.resolve(name + ".ext"),
                "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
        openssl(List.of("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", key.toString(), "-out", csr.toString()));
        openssl(List.of("x509", "-req", "-in", csr.toString(), "-CA", caFile().toString(), "-CAkey", dir.resolve("ca.key").toString(),
                "-set_serial", Long.toString(System.nanoTime()), "-days", "30", "-extfile", ext.toString(), "-out", cert.toString()));
        return new Path[]{cert, key};
    }

    static void openssl(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(args);
        try {
            LocalCommands.exec(command);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("openssl is needed to make the test CA and certificates: " + e.getMessage(), e);
        }
    }
}
