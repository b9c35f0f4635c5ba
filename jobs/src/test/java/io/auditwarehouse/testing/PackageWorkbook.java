package io.auditwarehouse.testing;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads an evidence workbook back: every cell's type and shown value, and a sheet's header columns. */
public final class PackageWorkbook {

    private PackageWorkbook() {
    }

    public static List<List<String>> cells(Path xlsx) throws Exception {
        List<List<String>> all = new ArrayList<>();
        DataFormatter shown = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            for (Sheet sheet : wb) {
                for (Row r : sheet) {
                    List<String> row = new ArrayList<>();
                    row.add(sheet.getSheetName() + "!" + r.getRowNum());
                    for (Cell c : r) row.add(c.getCellType() + ":" + shown.formatCellValue(c));
                    all.add(row);
                }
            }
        }
        return all;
    }

    public static Map<String, Integer> header(Sheet sheet) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell c : sheet.getRow(0)) columns.put(c.getStringCellValue(), c.getColumnIndex());
        return columns;
    }
}
