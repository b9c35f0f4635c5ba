package io.auditwarehouse.testing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** What a command wrote, as text to search: every file's bytes, a PDF's extracted text, a ZIP's (the workbook's) entries. */
public final class WrittenTexts {

    private WrittenTexts() {
    }

    /**
     * Every file below dir by path: its bytes as Latin-1 (one character per byte, so ASCII markers are found), plus
     * {@code "<pdf> (text)"} with PDFBox's text and {@code "<zip>!<entry>"} per entry as UTF-8.
     */
    public static Map<String, String> of(Path dir) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                texts.put(f.toString(), new String(bytes, StandardCharsets.ISO_8859_1));
                if (f.toString().endsWith(".pdf")) {
                    texts.put(f + " (text)", pdfText(f));
                } else if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K') {
                    try (ZipFile zip = new ZipFile(f.toFile())) {
                        for (ZipEntry e : Collections.list(zip.entries())) {
                            try (var in = zip.getInputStream(e)) {
                                texts.put(f + "!" + e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
            }
        }
        return texts;
    }

    /** The text PDFBox extracts from a PDF, pages in order. */
    public static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
