package io.auditwarehouse.report.xlsx;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;

/** The workbook's few cell styles, created once: Excel caps a file at 64,000 styles, so never one per cell. */
final class Styles {

    /** The workbook's default style (index 0), set on plain cells so SXSSF need not look up their column's style. */
    final CellStyle plain;
    final CellStyle header;
    final CellStyle date;
    final CellStyle dateTime;

    Styles(Workbook wb) {
        plain = wb.getCellStyleAt(0);
        Font bold = wb.createFont();
        bold.setBold(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        dateTime = wb.createCellStyle();
        dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
    }
}
