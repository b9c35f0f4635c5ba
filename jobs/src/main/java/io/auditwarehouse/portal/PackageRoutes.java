package io.auditwarehouse.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.auditwarehouse.portal.PackageShelf.Issue;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The Packages page, a package's page, and the downloads (only files its manifest lists). */
final class PackageRoutes {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String RESTATEMENTS = "csv/restatements.csv";

    private final Portal portal;

    PackageRoutes(Portal portal) {
        this.portal = portal;
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect("/packages"));
        routes.get("/packages", this::list);
        routes.get("/packages/{id}", this::show);
        routes.get("/packages/{id}/download", this::download);
        routes.get("/packages/{id}/csv.zip", this::csvZip);
    }

    private Issue issue(Context ctx) {
        return portal.shelf().issue(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
    }

    private void list(Context ctx) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Issue i : portal.shelf().current()) rows.add(row(i));
        var model = WebSession.model(ctx);
        model.put("packages", rows);
        ctx.html(portal.pages().render("packages", WebSession.locale(ctx), model));
    }

    private Map<String, Object> row(Issue i) {
        Map<String, Object> r = new LinkedHashMap<>();
        var m = i.manifest();
        r.put("id", i.id());
        r.put("period", i.period());
        r.put("asOf", m.path("as_of").asText(""));
        r.put("issuedAt", m.path("pdf_generated_at").asText(""));
        r.put("runs", m.path("row_counts").path("recon_run").asText(""));
        r.put("findings", m.path("row_counts").path("recon_finding").asText(""));
        r.put("sha256", i.manifestSha256());
        r.put("chain", portal.shelf().chain(i));
        r.put("pdf", named(i, ".pdf"));
        r.put("xlsx", named(i, ".xlsx"));
        r.put("csv", i.files().stream().anyMatch(f -> f.startsWith("csv/")));
        return r;
    }

    private static String named(Issue i, String suffix) {
        return i.files().stream().filter(f -> f.endsWith(suffix)).findFirst().orElse(null);
    }

    private void show(Context ctx) throws IOException {
        Issue i = issue(ctx);
        var model = WebSession.model(ctx);
        model.put("pkg", row(i));
        model.put("files", i.files());
        model.put("manifest", PRETTY.writeValueAsString(i.manifest()));
        model.put("restatements", restatements(i));
        model.put("earlier", portal.shelf().earlier(i.period()).stream().filter(e -> !e.id().equals(i.id())).map(this::row).toList());
        String prefix = i.id() + "/";
        model.put("downloads", portal.accessLog().all().stream()
                .filter(e -> e.action() == AccessEvent.Action.DOWNLOAD && e.file() != null && e.file().startsWith(prefix)).toList());
        ctx.html(portal.pages().render("issue", // not package.html: jar packaging leaves that name (javadoc's) out
                WebSession.locale(ctx), model));
    }

    /** The restated findings against the previous issue, as the package lists them. */
    private static List<Map<String, String>> restatements(Issue i) throws IOException {
        // a listed file may be missing (the chain status then says so): nothing to show from it
        if (!i.files().contains(RESTATEMENTS) || !Files.isRegularFile(i.dir().resolve(RESTATEMENTS))) return List.of();
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(i.dir().resolve(RESTATEMENTS), StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord r : csv) rows.add(r.toMap());
        }
        return rows;
    }

    private void download(Context ctx) throws IOException {
        Issue i = issue(ctx);
        String name = ctx.queryParam("file");
        Path file = portal.shelf().file(i, name).orElseThrow(NotFoundResponse::new);
        if (!Files.isRegularFile(file)) throw new NotFoundResponse();
        byte[] bytes = Files.readAllBytes(file);
        send(ctx, i.id() + "/" + name, bytes, contentType(name));
    }

    /** The package's CSV files as one zip (entries in manifest order, fixed times: the same files give the same zip). */
    private void csvZip(Context ctx) throws IOException {
        Issue i = issue(ctx);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            for (String f : i.files()) {
                if (!f.startsWith("csv/")) continue;
                Optional<Path> p = portal.shelf().file(i, f);
                if (p.isEmpty() || !Files.isRegularFile(p.get())) continue;
                ZipEntry e = new ZipEntry(f);
                e.setTime(0);
                zip.putNextEntry(e);
                Files.copy(p.get(), zip);
                zip.closeEntry();
            }
        }
        send(ctx, i.id() + "/" + PackageShelf.CSV_ZIP, buffer.toByteArray(), "application/zip");
    }

    private void send(Context ctx, String recordedName, byte[] bytes, String type) {
        String sha = sha256(bytes);
        portal.record(ctx, null, AccessEvent.Action.DOWNLOAD, recordedName, sha, bytes.length + " bytes");
        ctx.header("Content-Disposition", Downloads.attachment(recordedName.substring(recordedName.lastIndexOf('/') + 1)));
        ctx.header("X-Content-SHA256", sha);
        ctx.contentType(type).result(bytes);
    }

    static String contentType(String name) {
        if (name.endsWith(".pdf")) return "application/pdf";
        if (name.endsWith(".xlsx")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        if (name.endsWith(".csv")) return "text/csv; charset=utf-8";
        if (name.endsWith(".json")) return "application/json";
        return "application/octet-stream";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
