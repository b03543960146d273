package org.mvclust.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.Yaml;

/**
 * What {@code mvclust tune} searches: keys as for {@code --set} (plus {@code clusters}), each with its candidate values,
 * given as a YAML list ({@code [1, 10, 100]}) or a range: {@code A..B} (whole numbers A to B), {@code A..B:N} (N evenly
 * spaced values) or {@code A..B:N:log} (N values evenly spaced in log scale); a range whose ends are whole numbers gives
 * whole numbers (rounded, repeats dropped).
 */
final class TuneSpace {
    static final String KEYS = "method, dataset, set, search, seeds, select, random";
    private static final Pattern RANGE = Pattern.compile("\\s*(-?[0-9.eE+-]+)\\s*\\.\\.\\s*(-?[0-9.eE+-]+)\\s*(?::\\s*(\\d+)\\s*(?::\\s*(log|lin)\\s*)?)?");

    /** The grid file's fields; null where absent. */
    record GridFile(String method, String dataset, List<String> sets, Integer seeds, String select, Integer random,
                    Map<String, List<String>> search) {
    }

    private TuneSpace() {
    }

    static GridFile read(Path file) throws IOException {
        JsonNode g;
        try {
            g = Yaml.YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
        if (g == null || !g.isObject()) {
            throw new ConfigException(file + ": expected a mapping with keys " + KEYS);
        }
        for (var it = g.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!List.of(KEYS.split(", ")).contains(key)) {
                throw new ConfigException(file + ": unknown key '" + key + "' (known: " + KEYS + ")");
            }
        }
        List<String> sets = new ArrayList<>();
        if (g.has("set")) {
            if (!g.get("set").isArray()) {
                throw new ConfigException(file + ": 'set' must be a list of key=value");
            }
            g.get("set").forEach(x -> sets.add(x.asText()));
        }
        Map<String, List<String>> search = new LinkedHashMap<>();
        JsonNode s = g.get("search");
        if (s != null) {
            if (!s.isObject()) {
                throw new ConfigException(file + ": 'search' must map keys to lists or ranges, e.g. lambda: [1, 10, 100]");
            }
            for (var it = s.fields(); it.hasNext(); ) {
                var e = it.next();
                search.put(e.getKey(), values(e.getValue(), file + ": search." + e.getKey()));
            }
        }
        return new GridFile(text(g, "method"), text(g, "dataset"), sets, whole(g, "seeds", file), text(g, "select"),
                whole(g, "random", file), search);
    }

    /** One {@code --search KEY=VALUES} option into {@code into}. */
    static void inline(String option, Map<String, List<String>> into) {
        int eq = option.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--search " + option + ": expected KEY=[v1,v2,...] or KEY=A..B[:N[:log]]");
        }
        JsonNode v;
        try {
            v = Yaml.YAML.readTree("v: " + option.substring(eq + 1)).get("v");
        } catch (IOException e) {
            throw new ConfigException("--search " + option + ": value is not valid YAML");
        }
        into.put(option.substring(0, eq).trim(), values(v, "--search " + option));
    }

    /** A list's elements or a range's values, each as text for {@code --set}. */
    static List<String> values(JsonNode v, String where) {
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(x -> out.add(x.isTextual() ? x.asText() : x.toString()));
        } else if (v != null && v.isTextual() && RANGE.matcher(v.asText()).matches()) {
            out.addAll(range(v.asText(), where));
        } else if (v != null && v.isValueNode() && !v.isNull()) {
            out.add(v.asText());
        }
        if (out.isEmpty()) {
            throw new ConfigException(where + ": give a list [v1, v2, ...] or a range A..B, A..B:N or A..B:N:log");
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    static List<String> range(String text, String where) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            throw new ConfigException(where + ": '" + text + "' is not a range A..B[:N[:log]]");
        }
        double a;
        double b;
        try {
            a = Double.parseDouble(m.group(1));
            b = Double.parseDouble(m.group(2));
        } catch (NumberFormatException e) {
            throw new ConfigException(where + ": '" + text + "': the ends must be numbers");
        }
        boolean whole = m.group(1).matches("-?\\d+") && m.group(2).matches("-?\\d+");
        boolean log = "log".equals(m.group(4));
        if (log && (a <= 0 || b <= 0)) {
            throw new ConfigException(where + ": '" + text + "': a log range needs ends above 0");
        }
        int n = m.group(3) != null ? Integer.parseInt(m.group(3)) : whole ? (int) Math.abs(b - a) + 1 : -1;
        if (n < 1 || n > 1000) {
            throw new ConfigException(where + ": '" + text + "': give 1 to 1000 values (A..B:N" + (whole ? "" : " for decimal ends") + ")");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double t = n == 1 ? 0 : (double) i / (n - 1);
            double x = log ? Math.exp(Math.log(a) + t * (Math.log(b) - Math.log(a))) : a + t * (b - a);
            String s = whole ? String.valueOf(Math.round(x)) : String.valueOf((float) x);
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Every combination of the values (the first key varies slowest), each a list of {@code key=value}; with
     * {@code random > 0}, that many distinct combinations drawn with {@code seed}, in grid order.
     */
    static List<List<String>> candidates(Map<String, List<String>> search, int random, long seed) {
        List<List<String>> all = new ArrayList<>();
        all.add(List.of());
        for (var e : search.entrySet()) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> c : all) {
                for (String v : e.getValue()) {
                    List<String> d = new ArrayList<>(c);
                    d.add(e.getKey() + "=" + v);
                    next.add(List.copyOf(d));
                }
            }
            all = next;
        }
        if (random <= 0 || random >= all.size()) {
            return all;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] take = new boolean[all.size()];
        for (int drawn = 0; drawn < random; ) {
            int i = rng.nextInt(all.size());
            if (!take[i]) {
                take[i] = true;
                drawn++;
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (take[i]) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    private static String text(JsonNode g, String key) {
        return g.hasNonNull(key) ? g.get(key).asText() : null;
    }

    private static Integer whole(JsonNode g, String key, Path file) {
        JsonNode v = g.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new ConfigException(file + ": '" + key + "' must be a whole number, not " + v);
        }
        return v.asInt();
    }
}
