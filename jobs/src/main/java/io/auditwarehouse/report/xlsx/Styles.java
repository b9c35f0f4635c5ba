package io.auditwarehouse.report.xlsx;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;

/** The workbook's few cell styles, created once: Excel caps a file at 64,000 styles, so never one per cell. */
final class Styles {

    final CellStyle header;
    final CellStyle date;
    final CellStyle dateTime;

    Styles(Workbook wb) {
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
