package io.auditwarehouse.report.xlsx;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Writes one typed cell; a null value leaves the cell out, so blanks stay blank for filters and formulas. */
final class Cells {

    /** Excel refuses longer text; the CSV of the package keeps the full value. */
    static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final String CUT = "…";

    private final Styles styles;
    private final ZoneId zone;

    Cells(Styles styles, ZoneId zone) {
        this.styles = styles;
        this.zone = zone;
    }

    void put(Row row, int col, CellKind kind, Object value) {
        if (value == null) return;
        Cell cell = row.createCell(col);
        // style 0 is written as no style at all; set, it spares SXSSF a search of the column definitions per cell
        cell.setCellStyle(styles.plain);
        switch (kind) {
            case NUMBER -> cell.setCellValue(((Number) value).doubleValue());
            case BOOLEAN -> cell.setCellValue((Boolean) value);
            case DATE -> {
                cell.setCellValue(date(value));
                cell.setCellStyle(styles.date);
            }
            case DATE_TIME -> {
                // Excel has no zones: the business zone's wall-clock time, the zone named in the header
                cell.setCellValue(LocalDateTime.ofInstant(instant(value), zone));
                cell.setCellStyle(styles.dateTime);
            }
            case TEXT -> cell.setCellValue(text(value.toString()));
        }
    }

    static String text(String s) {
        if (s.length() <= MAX_TEXT) return s;
        int end = MAX_TEXT - CUT.length();
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--; // never split a character in two
        return s.substring(0, end) + CUT;
    }

    /** Spark hands dates back as LocalDate or java.sql.Date depending on the reader. */
    private static LocalDate date(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }

    /** Spark hands timestamps back as Instant or java.sql.Timestamp depending on the reader. */
    private static Instant instant(Object v) {
        return v instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) v;
    }
}
