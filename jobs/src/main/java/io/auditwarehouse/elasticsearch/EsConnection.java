package io.auditwarehouse.elasticsearch;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ServerSettings;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How to reach the configured Elasticsearch, for the evidence reader and the Kibana indexes alike: a small REST
 * client (basic or API-key auth, https trusting the configured CA) and the matching Elasticsearch-Hadoop settings.
 */
public final class EsConnection {

    private final URI url;
    private final String base;
    private final ServerSettings settings;
    private final HttpClient http;
    private Path truststore;
    private String truststorePassword;

    public EsConnection(ServerSettings settings) {
        this.settings = settings;
        this.url = URI.create(settings.esUrl());
        this.base = settings.esUrl().replaceAll("/+$", "");
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (!settings.esCaFile().isEmpty()) b.sslContext(sslContext());
        this.http = b.build();
    }

    public record Response(int status, String body) {
    }

    public Response request(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", path.contains("_bulk") ? "application/x-ndjson" : "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8));
        String auth = authorization();
        if (auth != null) b.header("Authorization", auth);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        return new Response(r.statusCode(), r.body());
    }

    /** Where it is, without credentials, for messages. */
    public String where() {
        return url.toString();
    }

    private String authorization() {
        if (settings.esApiKey().present()) return "ApiKey " + settings.esApiKey().reveal();
        if (!settings.esUser().isEmpty()) {
            String pair = settings.esUser() + ":" + settings.esPassword().reveal();
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return null;
    }

    /** Elasticsearch-Hadoop settings for the same server and credentials. */
    public Map<String, String> hadoopSettings() {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("es.nodes", url.getHost());
        cfg.put("es.port", Integer.toString(url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 9200));
        // talk to the address given, not to the addresses the cluster advertises (proxies, containers, loopback)
        cfg.put("es.nodes.wan.only", "true");
        cfg.put("es.net.ssl", Boolean.toString("https".equals(url.getScheme())));
        if (settings.esApiKey().present()) {
            cfg.put("es.net.http.header.Authorization", "ApiKey " + settings.esApiKey().reveal());
        } else if (!settings.esUser().isEmpty()) {
            cfg.put("es.net.http.auth.user", settings.esUser());
            cfg.put("es.net.http.auth.pass", settings.esPassword().reveal());
        }
        if (!settings.esCaFile().isEmpty()) {
            sslContext();
            cfg.put("es.net.ssl.truststore.location", truststore.toUri().toString());
            cfg.put("es.net.ssl.truststore.pass", truststorePassword);
            cfg.put("es.net.ssl.truststore.type", "PKCS12");
        }
        return cfg;
    }

    /** Trusts the configured CA; also writes it as a PKCS12 truststore for Elasticsearch-Hadoop. */
    private SSLContext sslContext() {
        try (InputStream pem = Files.newInputStream(Path.of(settings.esCaFile()))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                ks.setCertificateEntry("ca-" + (i++), (X509Certificate) cert);
            }
            if (truststore == null) {
                truststorePassword = UUID.randomUUID().toString();
                truststore = Files.createTempFile("audit-warehouse-ca", ".p12");
                truststore.toFile().deleteOnExit();
                try (OutputStream out = Files.newOutputStream(truststore)) {
                    ks.store(out, truststorePassword.toCharArray());
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new ConfigException("elasticsearch.ca_file", "cannot use " + settings.esCaFile() + " as a CA certificate: " + e.getMessage());
        }
    }
}
