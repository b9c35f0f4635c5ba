package io.auditwarehouse.report;

import io.auditwarehouse.report.content.ReportContent.SampleItem;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The auditor sample as a CSV, with the rank key so anyone can check the draw. */
final class SampleCsv {

    private SampleCsv() {
    }

    static void write(Path file, List<SampleItem> sample) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CSVPrinter csv = CsvPackage.printer(w, "control_id", "ordinal", "sample_size", "population", "unit_type",
                    "unit", "business_date", "status", "reason_codes", "approval_no", "rank_sha256");
            for (SampleItem s : sample) {
                CsvPackage.print(csv, Arrays.asList(s.controlId(), s.ordinal(), s.sampleSize(), s.population(), s.unitType(),
                        s.unit(), s.businessDate(), s.status(), s.reasonCodes(), s.approvalNo(), s.rankKey()));
            }
            csv.flush();
        }
    }
}
