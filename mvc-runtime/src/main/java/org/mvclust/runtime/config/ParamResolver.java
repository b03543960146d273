package org.mvclust.runtime.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.Names;

/**
 * Checks raw config values against declared parameters, substitutes ${vars} (or arithmetic on them, e.g.
 * ${views * latent}), applies defaults and types.
 */
public final class ParamResolver {
    private ParamResolver() {
    }

    /** Validates names and literal types only; ${...} references are checked against {@code knownVars}. */
    public static void check(String where, List<ParamSpec> specs, Map<String, Object> raw, java.util.Set<String> knownVars) {
        Map<String, ParamSpec> byName = byName(specs);
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            ParamSpec spec = byName.get(e.getKey());
            if (spec == null) {
                throw new ConfigException(where + ": " + Names.unknown("parameter", e.getKey(), byName.keySet()));
            }
            convert(where + "." + e.getKey(), spec, e.getValue(), null, knownVars);
        }
        for (ParamSpec s : specs) {
            if (s.required() && !raw.containsKey(s.name())) {
                throw new ConfigException(where + ": required parameter '" + s.name() + "' (" + s.doc() + ") is missing");
            }
        }
    }

    /** Full resolution with variable values, for building. */
    public static Params resolve(String where, List<ParamSpec> specs, Map<String, Object> raw, Map<String, Object> vars) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, ParamSpec> byName = byName(specs);
        for (ParamSpec s : specs) {
            Object v = raw.containsKey(s.name()) ? raw.get(s.name()) : s.defaultValue();
            out.put(s.name(), v == null ? null : convert(where + "." + s.name(), s, v, vars, vars.keySet()));
        }
        for (String k : raw.keySet()) {
            if (!byName.containsKey(k)) {
                throw new ConfigException(where + ": " + Names.unknown("parameter", k, byName.keySet()));
            }
        }
        return new Params(out);
    }

    private static Map<String, ParamSpec> byName(List<ParamSpec> specs) {
        Map<String, ParamSpec> m = new LinkedHashMap<>();
        specs.forEach(s -> m.put(s.name(), s));
        return m;
    }

    /** Converts one value; with vars == null, a ${ref} is only checked to exist. */
    static Object convert(String where, ParamSpec spec, Object value, Map<String, Object> vars, java.util.Set<String> known) {
        value = substitute(where, value, vars, known);
        if (value == null) {
            return null;
        }
        try {
            return switch (spec.type()) {
                case INT -> toInt(value);
                case DOUBLE -> toDouble(value);
                case BOOLEAN -> toBoolean(value);
                case STRING -> {
                    if (value instanceof Map || value instanceof List) {
                        throw new IllegalArgumentException("not a string");
                    }
                    yield String.valueOf(value);
                }
                case CHOICE -> {
                    if (value instanceof Map || value instanceof List) {
                        throw new IllegalArgumentException("not a string");
                    }
                    String v = String.valueOf(value);
                    if (!spec.admits(v)) {
                        throw new ConfigException(where + ": " + Names.unknown(spec.name(), v, spec.allowed())
                                + "; allowed: " + String.join(", ", spec.allowed()));
                    }
                    yield v;
                }
                case INT_LIST -> {
                    List<Integer> l = new ArrayList<>();
                    for (Object o : asList(value)) {
                        l.add(toInt(substitute(where, o, vars, known)));
                    }
                    yield List.copyOf(l);
                }
                case DOUBLE_LIST -> {
                    List<Double> l = new ArrayList<>();
                    for (Object o : asList(value)) {
                        l.add(toDouble(substitute(where, o, vars, known)));
                    }
                    yield List.copyOf(l);
                }
            };
        } catch (IllegalArgumentException e) {
            String got = value instanceof List<?> l && l.size() > MAX_LIST ? "a list of " + l.size() + " values (at most "
                    + MAX_LIST + ")" : "'" + value + "'";
            throw new ConfigException(where + ": expected " + spec.type().name().toLowerCase().replace('_', ' ')
                    + " (" + spec.doc() + "), got " + got + (String.valueOf(value).contains("${")
                    ? " (a variable's value is used as written: it cannot refer to another variable)" : ""));
        }
    }

    private static Object substitute(String where, Object value, Map<String, Object> vars, java.util.Set<String> known) {
        if (value instanceof String s && s.startsWith("${") && s.endsWith("}")) {
            String name = s.substring(2, s.length() - 1);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return Arithmetic.evaluate(where, name, vars, known);
            }
            if (!known.contains(name)) {
                throw new ConfigException(where + ": " + Names.unknown("variable", name, known));
            }
            return vars == null ? null : vars.get(name);
        }
        return value;
    }

    /** The most values a list parameter holds: a 2000-layer MLP took minutes to build its gradients, unannounced. */
    static final int MAX_LIST = 100;

    private static List<?> asList(Object v) {
        List<?> l = list(v);
        if (l.size() > MAX_LIST) {
            throw new IllegalArgumentException("more than " + MAX_LIST + " values");
        }
        return l;
    }

    private static List<?> list(Object v) {
        if (v instanceof List<?> l) {
            return l;
        }
        if (v instanceof String s) {
            String t = s.strip();
            if (t.startsWith("[") && t.endsWith("]")) {
                t = t.substring(1, t.length() - 1);
            }
            return t.isBlank() ? List.of() : List.of(t.split("\\s*,\\s*"));
        }
        return List.of(v);
    }

    private static int toInt(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new IllegalArgumentException("not an integer");
            }
            if (Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("beyond the int range");
            }
            return n.intValue();
        }
        return Integer.parseInt(String.valueOf(v).strip());
    }

    private static double toDouble(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return Double.parseDouble(String.valueOf(v).strip());
    }

    private static boolean toBoolean(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(v).strip();
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("not a boolean");
    }
}
