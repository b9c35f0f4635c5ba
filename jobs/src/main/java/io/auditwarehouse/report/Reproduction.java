package io.auditwarehouse.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An issued package compared with its reproduction: every output the issued manifest lists, the CSV and XLSX files
 * byte for byte, the PDF page by page (its decoded content streams: what is drawn), since a PDF's metadata (creation
 * date, document id, font subset tags) differ on every rendering.
 *
 * @param differing the outputs that differ (or are missing from the reproduction)
 */
public record Reproduction(Path issued, Path reproduced, long snapshotVersion, List<String> compared, List<String> differing) {

    /** Reproductions go under {@code <reports>/reproduced/<YYYY-MM>/}, never over an issued package. */
    public static final String DIR = "reproduced";

    public boolean identical() {
        return differing.isEmpty();
    }

    /** One line: the verdict, what was compared, and where the reproduction is. */
    public String verdict() {
        return (identical() ? "reproduced: identical" : "reproduced: DIFFERS in " + String.join(", ", differing)) + " ("
                + compared.size() + " files compared: CSV and XLSX byte for byte, PDF page content; from snapshot "
                + snapshotVersion + ") in " + reproduced;
    }

    static Reproduction compare(Path issuedDir, EvidencePackage.RenderedPackage again) throws IOException {
        JsonNode manifest = Manifest.read(issuedDir);
        List<String> compared = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (JsonNode o : manifest.path("outputs")) {
            String file = o.path("file").asText();
            compared.add(file);
            Path a = issuedDir.resolve(file);
            Path b = again.dir().resolve(file);
            boolean same = Files.isRegularFile(b) && (file.endsWith(".pdf") ? samePages(a, b) : Files.mismatch(a, b) == -1);
            if (!same) differing.add(file);
        }
        return new Reproduction(issuedDir, again.dir(), manifest.path("snapshot_version").asLong(), compared, differing);
    }

    /** Same number of pages, and each page draws the same content. */
    static boolean samePages(Path a, Path b) throws IOException {
        try (PDDocument x = Loader.loadPDF(a.toFile()); PDDocument y = Loader.loadPDF(b.toFile())) {
            if (x.getNumberOfPages() != y.getNumberOfPages()) return false;
            for (int i = 0; i < x.getNumberOfPages(); i++) {
                if (!Arrays.equals(content(x.getPage(i)), content(y.getPage(i)))) return false;
            }
            return true;
        }
    }

    private static byte[] content(PDPage page) throws IOException {
        try (InputStream in = page.getContents()) {
            return in.readAllBytes();
        }
    }
}
