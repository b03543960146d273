package org.mvclust.api;

import java.util.List;
import java.util.Objects;

/** One declared parameter: name, type, default (null means required) and a one-line doc. */
public record ParamSpec(String name, ParamType type, Object defaultValue, String doc) {
    public ParamSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(doc);
    }

    public static ParamSpec ofInt(String name, Integer def, String doc) {
        return new ParamSpec(name, ParamType.INT, def, doc);
    }

    public static ParamSpec ofDouble(String name, Double def, String doc) {
        return new ParamSpec(name, ParamType.DOUBLE, def, doc);
    }

    public static ParamSpec ofBoolean(String name, Boolean def, String doc) {
        return new ParamSpec(name, ParamType.BOOLEAN, def, doc);
    }

    public static ParamSpec ofString(String name, String def, String doc) {
        return new ParamSpec(name, ParamType.STRING, def, doc);
    }

    public static ParamSpec ofInts(String name, List<Integer> def, String doc) {
        return new ParamSpec(name, ParamType.INT_LIST, def, doc);
    }

    public static ParamSpec ofDoubles(String name, List<Double> def, String doc) {
        return new ParamSpec(name, ParamType.DOUBLE_LIST, def, doc);
    }

    public boolean required() {
        return defaultValue == null;
    }
}
