package io.auditwarehouse.report.pdf;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRRewindableDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A template's rows straight from a list of {@code ReportContent} records: field {@code x} reads accessor {@code x()}.
 * Times become {@link Date} when the template declares it, so its patterns print them in the business zone (a
 * business date is that day's start there); text passes through {@link Glyphs}.
 */
final class RecordRows<T extends Record> implements JRRewindableDataSource {

    private final List<T> rows;
    private final ZoneId zone;
    private final Glyphs glyphs;
    private final Map<String, Method> accessors = new HashMap<>();
    private int next;
    private T current;

    RecordRows(List<T> rows, ZoneId zone, Glyphs glyphs) {
        this.rows = List.copyOf(rows);
        this.zone = zone;
        this.glyphs = glyphs;
    }

    @Override
    public boolean next() {
        if (next >= rows.size()) return false;
        current = rows.get(next++);
        return true;
    }

    @Override
    public Object getFieldValue(JRField field) throws JRException {
        Object value = convert(read(field.getName()), field.getValueClass());
        if (value != null && !field.getValueClass().isInstance(value)) {
            throw new JRException("field " + field.getName() + " is declared " + field.getValueClass().getName()
                    + " but " + current.getClass().getSimpleName() + " gives " + value.getClass().getName());
        }
        return value;
    }

    @Override
    public void moveFirst() {
        next = 0;
        current = null;
    }

    private Object read(String name) throws JRException {
        try {
            Method accessor = accessors.get(name);
            if (accessor == null) {
                accessor = current.getClass().getMethod(name);
                accessors.put(name, accessor);
            }
            return accessor.invoke(current);
        } catch (NoSuchMethodException e) {
            throw new JRException("a template reads field " + name + ", which " + current.getClass().getSimpleName() + " does not have", e);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new JRException("reading field " + name + " of " + current.getClass().getSimpleName() + " failed", e);
        }
    }

    private Object convert(Object value, Class<?> declared) {
        if (value instanceof String s) return glyphs.printable(s);
        if (declared == Date.class && value instanceof Instant i) return Date.from(i);
        if (declared == Date.class && value instanceof LocalDate d) return Date.from(d.atStartOfDay(zone).toInstant());
        return value;
    }
}
