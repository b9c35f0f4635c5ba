package io.auditwarehouse.report;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.report.content.MonthRows;
import io.auditwarehouse.report.content.ReportContent;
import io.auditwarehouse.report.pdf.PdfReport;
import io.auditwarehouse.report.xlsx.XlsxReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The human-readable renderings of a package's content: the PDF and the XLSX workbook. */
final class Renderings {

    private static final List<String> FORMATS = List.of(PackageRequest.PDF, PackageRequest.XLSX);

    private Renderings() {
    }

    /**
     * Writes the requested renderings side by side: each is one thread's work (the PDF's export, the workbook's
     * sheets) and they share nothing but the content, so on two cores the slower one sets the time.
     *
     * @return the files written, relative to {@code dir}, PDF first
     */
    static List<Path> writeAll(PackageRequest request, ReportContent content, MonthRows rows, Path dir, java.time.Instant generatedAt) throws IOException {
        List<String> formats = FORMATS.stream().filter(request.formats()::contains).toList();
        if (formats.isEmpty()) return List.of();
        ExecutorService side = Executors.newSingleThreadExecutor(r -> new Thread(r, "evidence rendering"));
        try {
            List<Future<Path>> others = new ArrayList<>();
            for (String format : formats.subList(1, formats.size())) {
                others.add(side.submit(() -> write(format, request, content, rows, dir, generatedAt)));
            }
            List<Path> files = new ArrayList<>();
            try {
                files.add(write(formats.get(0), request, content, rows, dir, generatedAt));
            } catch (IOException | RuntimeException | Error e) {
                for (Future<Path> f : others) awaitQuietly(f); // nothing may still write into the folder once we fail
                throw e;
            }
            for (Future<Path> f : others) files.add(result(f));
            return files;
        } finally {
            side.shutdown();
        }
    }

    /** @return the file written, relative to {@code dir} */
    static Path write(String format, PackageRequest request, ReportContent content, MonthRows rows, Path dir, java.time.Instant generatedAt) throws IOException {
        Path file = Path.of("evidence-" + request.month() + "." + format);
        switch (format) {
            case PackageRequest.XLSX -> XlsxReport.write(content, rows, dir.resolve(file));
            case PackageRequest.PDF -> PdfReport.write(content, request.settings(), dir.resolve(file), generatedAt);
            default -> throw new ConfigException("--format", "unknown format '" + format + "'");
        }
        return file;
    }

    private static Path result(Future<Path> rendering) throws IOException {
        try {
            return rendering.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    private static void awaitQuietly(Future<Path> rendering) {
        try {
            result(rendering);
        } catch (IOException | RuntimeException | Error ignored) {
            // the first failure is the one to report
        }
    }
}
