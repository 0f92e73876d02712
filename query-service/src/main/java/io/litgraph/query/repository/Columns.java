package io.litgraph.query.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows collected column by column, so that a set of rows can be bound as one array per column and
 * expanded by {@code unnest} in a single statement. Every row must set every column.
 */
final class Columns {

    private final int expectedRows;
    private final Map<String, List<Object>> columns = new LinkedHashMap<>();

    Columns(int expectedRows) {
        this.expectedRows = expectedRows;
    }

    Columns text(String column, String value) {
        return add(column, value);
    }

    Columns integer(String column, Integer value) {
        return add(column, value);
    }

    Columns bool(String column, boolean value) {
        return add(column, value);
    }

    Columns float8(String column, double value) {
        return add(column, value);
    }

    boolean isEmpty() {
        return columns.isEmpty();
    }

    String[] texts(String column) {
        return get(column).toArray(String[]::new);
    }

    Integer[] ints(String column) {
        return get(column).toArray(Integer[]::new);
    }

    Boolean[] bools(String column) {
        return get(column).toArray(Boolean[]::new);
    }

    Double[] float8s(String column) {
        return get(column).toArray(Double[]::new);
    }

    private Columns add(String column, Object value) {
        columns.computeIfAbsent(column, k -> new ArrayList<>(expectedRows)).add(value);
        return this;
    }

    private List<Object> get(String column) {
        List<Object> values = columns.get(column);
        if (values == null) {
            throw new IllegalStateException("no column " + column);
        }
        return values;
    }
}
