package io.auditwarehouse.query;

import io.auditwarehouse.config.ConfigException;
import io.auditwarehouse.errors.ErrorMessages;
import io.auditwarehouse.runtime.SparkSessions;
import io.auditwarehouse.sinks.WarehouseViews.TableFiles;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/** Spark SQL over the warehouse, each table read with its known schema from the listed files (no inference). */
public final class SparkEngine implements QueryEngine {

    private final SparkSession spark;

    public SparkEngine(String defaultMaster) {
        this.spark = SparkSessions.getOrCreate(defaultMaster);
        // the listed files are the partitions: list them on the driver rather than in a Spark job past 32 paths
        spark.conf().set("spark.sql.sources.parallelPartitionDiscovery.threshold", "100000");
    }

    @Override
    public void register(TableFiles table) {
        view(table).createOrReplaceTempView(table.table());
    }

    @Override
    public void registerRows(String table, StructType schema, List<Row> rows) {
        spark.createDataFrame(rows, schema).createOrReplaceTempView(table);
    }

    private Dataset<Row> view(TableFiles t) {
        StructType schema = t.schema();
        if (t.files().isEmpty()) {
            return spark.createDataFrame(List.of(), schema == null ? new StructType() : schema);
        }
        DataFrameReader reader = spark.read().option("basePath", t.root().toString());
        if (schema != null) reader = reader.schema(schema);
        Dataset<Row> rows = reader.parquet(t.files().stream().map(p -> p.toUri().toString()).toArray(String[]::new));
        // partition columns come back last and folder keys (batch=...) as extra columns: keep the documented ones in order
        if (t.naturalId() != null) rows = rows.dropDuplicates(t.naturalId()); // appends keep one row per id
        return schema == null ? rows : rows.select(Arrays.stream(schema.fieldNames()).map(n -> col("`" + n + "`")).toArray(Column[]::new));
    }

    @Override
    public QueryResult execute(String sql) {
        Dataset<Row> result;
        try {
            result = spark.sql(sql);
        } catch (Exception e) {
            // Scala hides that AnalysisException (and ParseException, its subclass) is checked
            if (e instanceof AnalysisException) {
                throw new ConfigException("QUERY", ErrorMessages.firstLine(e));
            }
            throw e;
        }
        return new QueryResult() {
            @Override
            public List<String> columns() {
                return List.of(result.columns());
            }

            @Override
            public Iterator<List<Object>> rows(long limit) {
                Iterator<Row> rows = limit < 0 ? result.toLocalIterator()
                        : result.limit((int) Math.min(limit, Integer.MAX_VALUE)).collectAsList().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return rows.hasNext();
                    }

                    @Override
                    public List<Object> next() {
                        Row r = rows.next();
                        List<Object> values = new ArrayList<>(r.length());
                        for (int i = 0; i < r.length(); i++) values.add(javaValue(r.get(i)));
                        return values;
                    }
                };
            }
        };
    }

    /** Spark's Java 8 time API gives Instant and LocalDate already; arrays, maps and structs come as Scala values. */
    static Object javaValue(Object v) {
        if (v instanceof scala.collection.Seq<?> seq) {
            List<Object> list = new ArrayList<>();
            JavaConverters.seqAsJavaList(seq).forEach(e -> list.add(javaValue(e)));
            return list;
        }
        if (v instanceof scala.collection.Map<?, ?> map) {
            Map<Object, Object> m = new LinkedHashMap<>();
            JavaConverters.mapAsJavaMap(map).forEach((k, e) -> m.put(javaValue(k), javaValue(e)));
            return m;
        }
        if (v instanceof Row struct) {
            Map<Object, Object> m = new LinkedHashMap<>();
            String[] names = struct.schema() == null ? null : struct.schema().fieldNames();
            for (int i = 0; i < struct.length(); i++) m.put(names == null ? "_" + (i + 1) : names[i], javaValue(struct.get(i)));
            return m;
        }
        return v;
    }

    @Override
    public void close() {
        // the session is stopped when the process ends (AuditWarehouse.main); tests share it
    }
}
