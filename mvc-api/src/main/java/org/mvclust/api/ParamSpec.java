package org.mvclust.api;

import java.util.List;
import java.util.Objects;

/**
 * One declared parameter: name, type, default (null means required), a one-line doc and, for a choice, the allowed
 * values; an allowed value {@code name:ARG} (ARG in capitals) admits any value starting with {@code name:}.
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, String doc, List<String> allowed) {
    public ParamSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(doc);
        allowed = List.copyOf(allowed);
        if ((type == ParamType.CHOICE) == allowed.isEmpty()) {
            throw new IllegalArgumentException(name + ": a choice, and only a choice, lists its allowed values");
        }
        if (defaultValue != null && type == ParamType.CHOICE && !admits(allowed, (String) defaultValue)) {
            throw new IllegalArgumentException(name + ": default '" + defaultValue + "' is not one of " + allowed);
        }
    }

    public ParamSpec(String name, ParamType type, Object defaultValue, String doc) {
        this(name, type, defaultValue, doc, List.of());
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

    public static ParamSpec ofChoice(String name, String def, List<String> allowed, String doc) {
        return new ParamSpec(name, ParamType.CHOICE, def, doc, allowed);
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

    /** Whether a choice admits {@code value}. */
    public boolean admits(String value) {
        return admits(allowed, value);
    }

    private static boolean admits(List<String> allowed, String value) {
        for (String a : allowed) {
            int colon = a.indexOf(':');
            boolean open = colon > 0 && a.substring(colon + 1).equals(a.substring(colon + 1).toUpperCase());
            if (a.equals(value) || open && value.startsWith(a.substring(0, colon + 1))) {
                return true;
            }
        }
        return false;
    }
}
