package io.auditwarehouse.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A real Elasticsearch (7.17 locally, 8 under Testcontainers) handed to an IT, with a bare HTTP client. */
public record ElasticsearchServer(String url) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Response(int status, String body) {
    }

    public String host() {
        return URI.create(url).getHost();
    }

    public int port() {
        return URI.create(url).getPort();
    }

    /** A name prefix for this test's indices; delete them with {@link #deleteIndices}. */
    public static String uniquePrefix(String base) {
        return base + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    public Response request(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", path.contains("_bulk") ? "application/x-ndjson" : "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body());
    }

    public Response get(String path) throws IOException, InterruptedException {
        return request("GET", path, null);
    }

    public void refresh(String indexPattern) throws IOException, InterruptedException {
        request("POST", "/" + indexPattern + "/_refresh", null);
    }

    public void deleteIndices(String pattern) throws IOException, InterruptedException {
        request("DELETE", "/" + pattern + "?expand_wildcards=all", null);
    }

    /** The index templates a publish to Kibana indices installs outlive the indices; delete them too. */
    public void deleteIndexTemplates(String pattern) throws IOException, InterruptedException {
        request("DELETE", "/_index_template/" + pattern, null);
    }
}
