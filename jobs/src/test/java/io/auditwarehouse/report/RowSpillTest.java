package io.auditwarehouse.report;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RowSpillTest {

    static final StructType SCHEMA = new StructType()
            .add("text", DataTypes.StringType).add("count", DataTypes.LongType).add("number", DataTypes.IntegerType)
            .add("flag", DataTypes.BooleanType).add("day", DataTypes.DateType).add("at", DataTypes.TimestampType);

    @TempDir
    Path tmp;

    @Test
    void replaysEveryRowInOrderWithItsValuesClassesAndNullsAsOftenAsAsked() {
        Timestamp ts = Timestamp.from(Instant.parse("2026-10-01T15:30:00.123456789Z"));
        List<Row> rows = List.of(
                RowFactory.create("배포담당자 \"quoted\", a\nnew line", 42L, 7, true, LocalDate.of(2026, 10, 1),
                        Instant.parse("2026-10-01T15:30:00.123456Z")),
                RowFactory.create("", Long.MIN_VALUE, Integer.MAX_VALUE, false, java.sql.Date.valueOf("2026-10-31"), ts),
                RowFactory.create(null, null, null, null, null, null));
        List<Row> passedOn = new ArrayList<>();
        Consumer<Consumer<Row>> source = rows::forEach;
        RowSpill spill = RowSpill.write(tmp.resolve("t.rows"), SCHEMA, source, passedOn::add);
        assertEquals(rows, passedOn, "the first pass hands the rows on as they are written");
        for (int pass = 0; pass < 2; pass++) {
            List<Row> replayed = new ArrayList<>();
            spill.forEach(replayed::add);
            assertEquals(rows.size(), replayed.size());
            for (int i = 0; i < rows.size(); i++) {
                for (int c = 0; c < SCHEMA.size(); c++) {
                    Object want = rows.get(i).get(c), got = replayed.get(i).get(c);
                    assertEquals(want, got, "row " + i + " column " + c);
                    assertEquals(want == null ? null : want.getClass(), got == null ? null : got.getClass());
                }
            }
            assertEquals(42L, replayed.get(0).<Long>getAs("count"), "rows keep their schema: getAs by name");
            assertEquals(ts.getNanos(), ((Timestamp) replayed.get(1).get(5)).getNanos(), "nanoseconds kept");
        }
    }

    @Test
    void aValueOfAnotherTypeIsRefusedWithItsClassNamed() {
        Consumer<Consumer<Row>> source = each -> each.accept(RowFactory.create(1.5d, null, null, null, null, null));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RowSpill.write(tmp.resolve("t.rows"), SCHEMA, source, r -> { }));
        assertEquals("a warehouse value of type java.lang.Double cannot be kept for the package", e.getMessage());
    }
}
