package io.auditwarehouse.report.pdf;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.config.ConfigKey;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRFont;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.fonts.SimpleFontFace;
import net.sf.jasperreports.engine.fonts.SimpleFontFamily;
import net.sf.jasperreports.engine.util.JRStyledText;

import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * NanumGothic from {@code report.font_dir}, registered as the Jasper font family every template uses, embedded in
 * the PDF with Identity-H (a CID font: Korean needs more than 256 glyphs). Checked before anything is rendered.
 */
final class PdfFonts {

    static final String FAMILY = "NanumGothic";
    static final String REGULAR = "NanumGothic.ttf";
    static final String BOLD = "NanumGothicBold.ttf";

    private final SimpleJasperReportsContext context;
    private final Font regular;

    private PdfFonts(SimpleJasperReportsContext context, Font regular) {
        this.context = context;
        this.regular = regular;
    }

    /** A Jasper context whose only text font is NanumGothic from {@code fontDir}; a missing face is a config error. */
    static PdfFonts load(Path fontDir) {
        Path regularFile = face(fontDir, REGULAR);
        Path boldFile = face(fontDir, BOLD);
        SimpleJasperReportsContext context = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
        SimpleFontFamily family = new SimpleFontFamily(context);
        family.setName(FAMILY);
        family.setPdfEncoding("Identity-H");
        family.setPdfEmbedded(true);
        SimpleFontFace normal = new SimpleFontFace(context);
        normal.setTtf(regularFile.toString());
        family.setNormalFace(normal);
        SimpleFontFace bold = new SimpleFontFace(context);
        bold.setTtf(boldFile.toString());
        family.setBoldFace(bold);
        context.setExtensions(FontFamily.class, List.of(family));
        // a font name Jasper cannot find is an error, never a silent substitute
        context.setProperty(JRStyledText.PROPERTY_AWT_IGNORE_MISSING_FONT, "false");
        context.setProperty(JRFont.DEFAULT_FONT_NAME, FAMILY);
        context.setProperty(JRFont.DEFAULT_PDF_ENCODING, "Identity-H");
        context.setProperty(JRFont.DEFAULT_PDF_EMBEDDED, "true");
        return new PdfFonts(context, normal.getFont());
    }

    SimpleJasperReportsContext context() {
        return context;
    }

    /** The regular face as AWT sees it: what {@link Glyphs} asks about coverage. */
    Font regular() {
        return regular;
    }

    private static Path face(Path fontDir, String file) {
        Path path = fontDir.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(ConfigKey.REPORT_FONT_DIR.key(), file + " was not found in " + fontDir
                    + "; install Debian's fonts-nanum (apt-get install fonts-nanum) or set " + ConfigKey.REPORT_FONT_DIR.key());
        }
        return path;
    }
}
