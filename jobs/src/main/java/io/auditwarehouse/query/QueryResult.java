package io.auditwarehouse.query;

import java.util.Iterator;
import java.util.List;

/** A query's column names and its rows, read once, in order. */
public interface QueryResult {

    List<String> columns();

    /** At most {@code limit} rows, or all of them when {@code limit} is negative. */
    Iterator<List<Object>> rows(long limit);
}
