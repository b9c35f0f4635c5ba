package io.auditwarehouse.report.pdf;

import io.auditwarehouse.config.ConfigException;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.design.JRDesignBand;
import net.sf.jasperreports.engine.design.JRDesignExpression;
import net.sf.jasperreports.engine.design.JRDesignSection;
import net.sf.jasperreports.engine.design.JRDesignTextField;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.util.JRFontNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The font family the PDF is drawn with: both faces required, and no silent substitute for an unknown font. */
class PdfFontsTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingBoldFaceIsAConfigErrorNamingTheFile() throws IOException {
        Files.copy(PdfReportTest.NANUM.resolve(PdfFonts.REGULAR), tmp.resolve(PdfFonts.REGULAR));
        ConfigException e = assertThrows(ConfigException.class, () -> PdfFonts.load(tmp));
        assertEquals("report.font_dir", e.key());
        assertTrue(e.getMessage().contains("NanumGothicBold.ttf was not found in " + tmp), e.getMessage());
    }

    @Test
    void aFontTheTemplatesNameButNobodyRegisteredStopsTheFill() throws JRException {
        PdfFonts fonts = PdfFonts.load(PdfReportTest.NANUM);
        assertEquals(PdfFonts.FAMILY, fonts.regular().getFamily());
        JasperReport report = JasperCompileManager.getInstance(fonts.context()).compile(design("No Such Font"));
        assertThrows(JRFontNotFoundException.class,
                () -> JasperFillManager.getInstance(fonts.context()).fill(report, new HashMap<>(), new JREmptyDataSource(1)));
        JasperReport nanum = JasperCompileManager.getInstance(fonts.context()).compile(design(PdfFonts.FAMILY));
        assertEquals(1, JasperFillManager.getInstance(fonts.context()).fill(nanum, new HashMap<>(), new JREmptyDataSource(1)).getPages().size());
    }

    private static JasperDesign design(String fontName) {
        JasperDesign design = new JasperDesign();
        design.setName("font-check");
        JRDesignTextField text = new JRDesignTextField();
        text.setWidth(200);
        text.setHeight(20);
        text.setFontName(fontName);
        text.setExpression(new JRDesignExpression("\"정산/일마감\""));
        JRDesignBand band = new JRDesignBand();
        band.setHeight(20);
        band.addElement(text);
        ((JRDesignSection) design.getDetailSection()).addBand(band);
        return design;
    }
}
