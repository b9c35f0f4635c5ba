package io.auditwarehouse.report.xlsx;

import java.util.function.Function;

/**
 * One column of a block: its header, how its cells are typed, and how an item gives its value.
 *
 * @param width characters; 0 takes the kind's default
 */
record Column<T>(String header, CellKind kind, int width, Function<T, ?> value) {

    static <T> Column<T> text(String header, Function<T, ?> value) {
        return new Column<>(header, CellKind.TEXT, 0, value);
    }

    /** Free text (names, details) gets a wider column than codes and ids. */
    static <T> Column<T> text(String header, int width, Function<T, ?> value) {
        return new Column<>(header, CellKind.TEXT, width, value);
    }

    static <T> Column<T> number(String header, Function<T, ?> value) {
        return new Column<>(header, CellKind.NUMBER, 0, value);
    }

    static <T> Column<T> date(String header, Function<T, ?> value) {
        return new Column<>(header, CellKind.DATE, 0, value);
    }

    static <T> Column<T> dateTime(String header, Function<T, ?> value) {
        return new Column<>(header, CellKind.DATE_TIME, 0, value);
    }
}
