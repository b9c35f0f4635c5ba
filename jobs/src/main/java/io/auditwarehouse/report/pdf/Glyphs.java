package io.auditwarehouse.report.pdf;

import java.awt.Font;

/**
 * Keeps text the font cannot draw visible: each such character is printed as its code point ("[U+1F600]") instead
 * of the empty box the PDF would otherwise show. The warehouse CSVs keep the original text.
 */
final class Glyphs {

    private final Font font;

    Glyphs(Font font) {
        this.font = font;
    }

    String printable(String text) {
        if (text == null || font.canDisplayUpTo(text) == -1) return text;
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (font.canDisplay(cp) || Character.isWhitespace(cp)) out.appendCodePoint(cp);
            else out.append(String.format("[U+%04X]", cp));
        });
        return out.toString();
    }
}
