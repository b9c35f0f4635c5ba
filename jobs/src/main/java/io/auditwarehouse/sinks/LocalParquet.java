package io.auditwarehouse.sinks;

import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Small Parquet files read and written in-process, without Spark or a Hadoop file system: the files of the
 * append-only tables. Readable by Spark and DuckDB alike (timestamps as INT64 milliseconds, UTC; strings UTF-8).
 */
final class LocalParquet {

    private LocalParquet() {
    }

    /** Writes the rows to a new file and forces it to disk before returning; fails if the file exists. */
    static void write(Path file, String name, StructType schema, List<Row> rows) throws IOException {
        MessageType type = messageType(name, schema);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> out = ExampleParquetWriter.builder(new NewFile(file)).withType(type)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).withWriteMode(ParquetFileWriter.Mode.CREATE).build()) {
            for (Row row : rows) {
                Group g = groups.newGroup();
                StructField[] fields = schema.fields();
                for (int i = 0; i < fields.length; i++) {
                    Object v = row.get(i);
                    if (v == null) continue;
                    String f = fields[i].name();
                    if (v instanceof String s) g.append(f, s);
                    else if (v instanceof Integer n) g.append(f, n);
                    else if (v instanceof Long n) g.append(f, n);
                    else if (v instanceof Boolean b) g.append(f, b);
                    else if (v instanceof LocalDate d) g.append(f, (int) d.toEpochDay());
                    else if (v instanceof Instant t) g.append(f, t.toEpochMilli());
                    else throw new IllegalArgumentException(f + ": cannot store a " + v.getClass().getSimpleName());
                }
                out.write(g);
            }
        }
    }

    /** The file's rows in the given schema's column order; a column the file lacks reads as null. */
    static List<Row> read(Path file, StructType schema) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (ParquetFileReader in = ParquetFileReader.open(new FileBytes(Files.readAllBytes(file)))) {
            MessageType type = in.getFooter().getFileMetaData().getSchema();
            PageReadStore pages;
            while ((pages = in.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(type).getRecordReader(pages, new GroupRecordConverter(type));
                for (long i = 0; i < pages.getRowCount(); i++) rows.add(row(records.read(), type, schema));
            }
        }
        return rows;
    }

    private static Row row(Group g, MessageType type, StructType schema) {
        StructField[] fields = schema.fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i].name();
            if (!type.containsField(f) || g.getFieldRepetitionCount(f) == 0) continue;
            DataType t = fields[i].dataType();
            if (t.equals(DataTypes.StringType)) values[i] = g.getString(f, 0);
            else if (t.equals(DataTypes.IntegerType)) values[i] = g.getInteger(f, 0);
            else if (t.equals(DataTypes.LongType)) values[i] = g.getLong(f, 0);
            else if (t.equals(DataTypes.BooleanType)) values[i] = g.getBoolean(f, 0);
            else if (t.equals(DataTypes.DateType)) values[i] = LocalDate.ofEpochDay(g.getInteger(f, 0));
            else values[i] = Instant.ofEpochMilli(g.getLong(f, 0));
        }
        return RowFactory.create(values);
    }

    static MessageType messageType(String name, StructType schema) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (StructField f : schema.fields()) {
            DataType t = f.dataType();
            if (t.equals(DataTypes.StringType)) b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(f.name());
            else if (t.equals(DataTypes.IntegerType)) b.optional(PrimitiveTypeName.INT32).named(f.name());
            else if (t.equals(DataTypes.LongType)) b.optional(PrimitiveTypeName.INT64).named(f.name());
            else if (t.equals(DataTypes.BooleanType)) b.optional(PrimitiveTypeName.BOOLEAN).named(f.name());
            else if (t.equals(DataTypes.DateType)) b.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(f.name());
            else b.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(f.name());
        }
        return b.named(name);
    }

    /** A file that must not exist yet, forced to disk when closed. */
    private record NewFile(Path path) implements OutputFile {

        @Override
        public PositionOutputStream create(long blockSizeHint) throws IOException {
            FileOutputStream out = new FileOutputStream(Files.createFile(path).toFile());
            return new PositionOutputStream() {
                private long pos;

                @Override
                public long getPos() {
                    return pos;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    pos++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    pos += len;
                }

                @Override
                public void close() throws IOException {
                    try (out) {
                        out.flush();
                        out.getChannel().force(true);
                    }
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
            throw new IOException(path + ": append-only files are never overwritten");
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }

    /** A small file read whole into memory. */
    private record FileBytes(byte[] bytes) implements InputFile {

        @Override
        public long getLength() {
            return bytes.length;
        }

        @Override
        public SeekableInputStream newStream() {
            Positioned in = new Positioned(bytes);
            return new DelegatingSeekableInputStream(in) {
                @Override
                public long getPos() {
                    return in.position();
                }

                @Override
                public void seek(long newPos) {
                    in.seek(newPos);
                }
            };
        }
    }

    private static final class Positioned extends ByteArrayInputStream {
        Positioned(byte[] bytes) {
            super(bytes);
        }

        long position() {
            return pos;
        }

        void seek(long to) {
            pos = (int) to;
        }
    }
}
