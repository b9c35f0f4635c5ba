package io.auditwarehouse.report;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * A table's rows in a local file, in the order they were written, read back as often as needed: the package reads
 * each warehouse table once through Spark (a sort of the whole month) and replays it for the content and the workbook.
 * Each value keeps its Java class, so a replayed row prints the same CSV text and the same cells.
 */
final class RowSpill {

    private static final byte NULL = 0, STRING = 1, LONG = 2, INT = 3, BOOLEAN = 4, LOCAL_DATE = 5, INSTANT = 6,
            SQL_DATE = 7, SQL_TIMESTAMP = 8;

    private final Path file;
    private final StructType schema;

    private RowSpill(Path file, StructType schema) {
        this.file = file;
        this.schema = schema;
    }

    /** Writes every row {@code source} hands over to {@code file}, passing each on to {@code action} as it goes. */
    static RowSpill write(Path file, StructType schema, Consumer<Consumer<Row>> source, Consumer<Row> action) {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            source.accept(r -> {
                write(out, r);
                action.accept(r);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new RowSpill(file, schema);
    }

    /** Hands every row back, in the order written. */
    void forEach(Consumer<Row> action) {
        int width = schema.size();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                Object[] values = new Object[width];
                try {
                    values[0] = read(in);
                } catch (EOFException end) {
                    return;
                }
                for (int i = 1; i < width; i++) values[i] = read(in);
                action.accept(new GenericRowWithSchema(values, schema));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(DataOutputStream out, Row r) {
        try {
            for (int i = 0; i < r.length(); i++) write(out, r.get(i));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeByte(STRING);
            out.writeInt(b.length);
            out.write(b);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Integer n) {
            out.writeByte(INT);
            out.writeInt(n);
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (v instanceof LocalDate d) {
            out.writeByte(LOCAL_DATE);
            out.writeLong(d.toEpochDay());
        } else if (v instanceof Instant t) {
            out.writeByte(INSTANT);
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        } else if (v instanceof java.sql.Date d) {
            out.writeByte(SQL_DATE);
            out.writeLong(d.toLocalDate().toEpochDay());
        } else if (v instanceof Timestamp t) {
            out.writeByte(SQL_TIMESTAMP);
            out.writeLong(t.getTime());
            out.writeInt(t.getNanos());
        } else {
            throw new IllegalStateException("a warehouse value of type " + v.getClass().getName()
                    + " cannot be kept for the package");
        }
    }

    private static Object read(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
            case LONG -> in.readLong();
            case INT -> in.readInt();
            case BOOLEAN -> in.readBoolean();
            case LOCAL_DATE -> LocalDate.ofEpochDay(in.readLong());
            case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            case SQL_DATE -> java.sql.Date.valueOf(LocalDate.ofEpochDay(in.readLong()));
            case SQL_TIMESTAMP -> {
                Timestamp t = new Timestamp(in.readLong());
                t.setNanos(in.readInt());
                yield t;
            }
            default -> throw new IOException("unknown value tag " + tag);
        };
    }
}
