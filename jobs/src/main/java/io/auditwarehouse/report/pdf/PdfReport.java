package io.auditwarehouse.report.pdf;

import io.auditwarehouse.config.ReportSettings;
import io.auditwarehouse.report.content.ReportContent;
import io.auditwarehouse.sinks.WriteFailedException;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The monthly evidence package as a PDF (outputs.md §3), rendered with JasperReports from the templates under
 * {@code reports/templates/}: cover, summary per control with the daily trend, exceptions by control, failure
 * reports, population and completeness, auditor sample, restatements and sign-off.
 */
public final class PdfReport {

    private PdfReport() {
    }

    /** Writes {@code pdfFile} whole or not at all; a missing font stops it before anything is rendered. */
    public static void write(ReportContent content, ReportSettings settings, Path pdfFile) {
        write(content, settings, pdfFile, Clock.systemUTC());
    }

    /** The cover says it was generated at {@code generatedAt}: the evidence package records that instant. */
    public static void write(ReportContent content, ReportSettings settings, Path pdfFile, java.time.Instant generatedAt) {
        write(content, settings, pdfFile, Clock.fixed(generatedAt, java.time.ZoneOffset.UTC));
    }

    static void write(ReportContent content, ReportSettings settings, Path pdfFile, Clock clock) {
        try (SwapSpace swap = SwapSpace.create()) {
            write(content, settings, pdfFile, clock, swap);
        }
    }

    /** Fills with {@code swap}'s virtualizer; the caller closes it. */
    static void write(ReportContent content, ReportSettings settings, Path pdfFile, Clock clock, SwapSpace swap) {
        if (!content.locale().equals(settings.locale())) {
            throw new IllegalArgumentException("the content is in '" + content.locale() + "' but report.locale is '"
                    + settings.locale() + "': its catalog names would not match the labels");
        }
        PdfFonts fonts = PdfFonts.load(settings.fontDir());
        ResourceBundle labels = Labels.load(content.locale());
        Map<String, Object> parameters = EvidenceParameters.of(content, labels, new Glyphs(fonts.regular()), clock.instant());
        parameters.put(JRParameter.REPORT_VIRTUALIZER, swap.virtualizer());
        Path partial = pdfFile.resolveSibling(pdfFile.getFileName() + ".part");
        try {
            JasperPrint print = JasperFillManager.getInstance(fonts.context())
                    .fill(Templates.get("evidence"), parameters, new JREmptyDataSource(1));
            swap.virtualizer().setReadOnly(true);
            export(fonts, print, content, labels, partial);
            Files.move(partial, pdfFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (JRException | JRRuntimeException | IOException e) {
            throw new WriteFailedException("rendering " + pdfFile + " failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial); // already moved when all went well
        }
    }

    private static void export(PdfFonts fonts, JasperPrint print, ReportContent content, ResourceBundle labels, Path out)
            throws JRException {
        JRPdfExporter exporter = new JRPdfExporter(fonts.context());
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out.toFile()));
        SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
        config.setMetadataTitle(labels.getString("report.title") + " " + content.month());
        config.setMetadataCreator(labels.getString("report.product") + " " + content.softwareVersion());
        config.setCompressed(true);
        exporter.setConfiguration(config);
        exporter.exportReport();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the rendering error is the one to report
        }
    }
}
