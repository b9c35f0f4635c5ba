package io.auditwarehouse.report;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.report.pdf.PdfReport;
import io.auditwarehouse.report.xlsx.XlsxReport;

import java.io.IOException;
import java.nio.file.Path;

/** The human-readable renderings of a package's content: the PDF and the XLSX workbook. */
final class Renderings {

    private Renderings() {
    }

    /** @return the file written, relative to {@code dir} */
    static Path write(String format, PackageRequest request, ReportContent content, MonthRows rows, Path dir) throws IOException {
        Path file = Path.of("evidence-" + request.month() + "." + format);
        switch (format) {
            case PackageRequest.XLSX -> XlsxReport.write(content, rows, dir.resolve(file));
            case PackageRequest.PDF -> PdfReport.write(content, request.settings(), dir.resolve(file));
            default -> throw new ConfigException("--format", "unknown format '" + format + "'");
        }
        return file;
    }
}
