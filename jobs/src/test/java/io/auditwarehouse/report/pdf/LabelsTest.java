package io.auditwarehouse.report.pdf;

import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The label files against each other, against what the templates ask for, and against the font. */
class LabelsTest {

    static final List<String> TEMPLATES = List.of("evidence", "controls", "findings", "coverage", "quarantine", "sample", "restatements");

    @Test
    void koreanAndEnglishHaveTheSameKeys() {
        assertEquals(keys("ko"), keys("en"));
    }

    @Test
    void everyLabelATemplateNamesExistsInBothLanguages() throws IOException {
        Set<String> wanted = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (String name : TEMPLATES) {
            String jrxml = template(name);
            Matcher r = Pattern.compile("\\$R\\{([^}]+)}").matcher(jrxml);
            while (r.find()) wanted.add(r.group(1));
            Matcher str = Pattern.compile("str\\(\"([^\"]+)\" \\+").matcher(jrxml);
            while (str.find()) prefixes.add(str.group(1));
        }
        assertTrue(wanted.size() > 60, wanted.size() + " labels");
        for (String locale : List.of("ko", "en")) {
            Set<String> keys = keys(locale);
            for (String key : wanted) assertTrue(keys.contains(key), locale + " lacks " + key);
            for (String prefix : prefixes) {
                assertTrue(keys.stream().anyMatch(k -> k.startsWith(prefix)), locale + " lacks " + prefix + "*");
            }
        }
        for (String code : List.of("HIGH", "MEDIUM", "LOW", "INFO")) assertTrue(keys("ko").contains("severity." + code));
        for (String source : List.of("seed", "config", "default")) assertTrue(keys("ko").contains("seedSource." + source));
    }

    @Test
    void nanumGothicDrawsEveryLabel() {
        Font font = PdfFonts.load(PdfReportTest.NANUM).regular();
        for (String locale : List.of("ko", "en")) {
            ResourceBundle labels = Labels.load(locale);
            for (String key : Collections.list(labels.getKeys())) {
                assertEquals(-1, font.canDisplayUpTo(labels.getString(key)), locale + " " + key);
            }
        }
        assertEquals(-1, font.canDisplayUpTo("·–…/"), "punctuation the templates and the cover print");
    }

    @Test
    void charactersTheFontLacksArePrintedAsCodePoints() {
        Glyphs glyphs = new Glyphs(PdfFonts.load(PdfReportTest.NANUM).regular());
        assertEquals("정산/일마감 완료 [U+1F600]", glyphs.printable("정산/일마감 완료 \uD83D\uDE00"));
        assertEquals("plain", glyphs.printable("plain"));
        assertFalse(glyphs.printable("\uD83D\uDE00").contains("\uD83D"));
    }

    private static Set<String> keys(String locale) {
        return new TreeSet<>(Collections.list(Labels.load(locale).getKeys()));
    }

    private static String template(String name) throws IOException {
        try (InputStream in = LabelsTest.class.getClassLoader().getResourceAsStream(Templates.FOLDER + name + ".jrxml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
