package org.mvclust.runtime.data;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mvclust.api.DatasetCatalog;
import org.mvclust.api.DatasetException;
import org.mvclust.api.DatasetReader;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.Names;
import org.mvclust.runtime.config.ParamResolver;
import org.mvclust.runtime.plugin.Kind;
import org.mvclust.runtime.plugin.Registry;

/**
 * Resolves {@code --dataset} specs: {@code NAME[:key=value,...]} where NAME is a generator ({@code synthetic}), a
 * catalogued benchmark ({@code hw}) or a file path; the option {@code views=1,3} keeps those views (1-based, in order).
 */
public final class DataResolver {
    private final Map<String, DatasetReader> readers;
    private final List<DatasetCatalog> catalogs;

    @Inject
    public DataResolver(Map<String, DatasetReader> readers, List<DatasetCatalog> catalogs) {
        this.readers = readers;
        this.catalogs = catalogs;
    }

    /** With the readers and catalogs a registry holds. */
    public DataResolver(Registry registry) {
        this(readers(registry), registry.catalogs());
    }

    private static Map<String, DatasetReader> readers(Registry registry) {
        Map<String, DatasetReader> m = new LinkedHashMap<>();
        registry.all(Kind.READER).forEach((name, c) -> m.put(name, (DatasetReader) c));
        return m;
    }

    /** The data directories searched for named datasets: the flag, then $MVCLUST_DATA, then ./data. */
    public static List<Path> dataDirs(Path flag) {
        List<Path> dirs = new ArrayList<>();
        if (flag != null) {
            dirs.add(flag);
        }
        String env = System.getenv("MVCLUST_DATA");
        if (env != null && !env.isBlank()) {
            dirs.add(Path.of(env));
        }
        dirs.add(Path.of("data"));
        return dirs;
    }

    /** The dataset's name in a spec: the part before the options' colon (a path that exists is its own name). */
    public static String name(String spec) {
        int colon = spec.indexOf(':');
        return colon > 0 && !Files.exists(Path.of(spec)) ? spec.substring(0, colon) : spec;
    }

    public MultiViewData load(String spec, List<Path> dataDirs) throws DatasetException {
        return load(spec, dataDirs, Map.of());
    }

    /**
     * Loads {@code NAME[:key=value,...]}; {@code defaults} are reader options from the method graph, overridden by
     * the spec's. {@code views} made of view numbers selects views; any other {@code views} goes to the reader;
     * {@code subset}, {@code subset_seed} keep a random subset of the rows ({@link RowSubset}).
     */
    public MultiViewData load(String spec, List<Path> dataDirs, Map<String, String> defaults) throws DatasetException {
        String name = name(spec);
        Map<String, String> options = new LinkedHashMap<>(defaults);
        if (!name.equals(spec)) {
            for (String kv : splitOptions(spec.substring(name.length() + 1))) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new DatasetException("dataset " + spec + ": option '" + kv + "' is not key=value");
                }
                options.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
            }
        }
        String views = options.containsKey("views") && options.get("views").matches("[0-9,;\\s]+") ? options.remove("views") : null;
        RowSubset.Spec rows = RowSubset.take(name, options);
        MultiViewData data = loadWhole(name, options, dataDirs);
        data = views == null ? data : subset(data, views);
        return rows == null ? data : rows.apply(data);
    }

    private MultiViewData loadWhole(String name, Map<String, String> options, List<Path> dataDirs) throws DatasetException {
        if (name.isBlank()) {
            throw new DatasetException("--dataset is empty (an unset shell variable?): give a dataset name or a file");
        }
        if (readers.containsKey(name) && !Files.exists(Path.of(name))) {
            DatasetReader r = readers.get(name);
            return r.read(null, params(r, options, "dataset " + name));
        }
        for (DatasetCatalog c : catalogs) {
            if (c.names().contains(name)) {
                return c.load(name, dataDirs, options);
            }
        }
        Path file = Path.of(name);
        if (Files.exists(file)) {
            DatasetReader r = readerFor(file, options.remove("reader"));
            return r.read(file, params(r, options, "dataset " + file));
        }
        if (name.contains("/") || name.contains(java.io.File.separator) || name.matches(".*\\.(mat|csv|tsv|txt)$")) {
            throw new DatasetException(file.toAbsolutePath() + ": no such file or directory");
        }
        TreeSet<String> known = new TreeSet<>();
        catalogs.forEach(c -> known.addAll(c.names()));
        readers.forEach((k, v) -> known.add(k));
        throw new DatasetException("dataset '" + name + "' is neither a file nor a known dataset (nearest: "
                + String.join(", ", Names.nearest(name, known)) + "; 'mvclust datasets' lists them)");
    }

    private DatasetReader readerFor(Path file, String forced) throws DatasetException {
        if (forced != null) {
            if (!readers.containsKey(forced)) {
                throw new DatasetException(file + ": " + Names.unknown("reader", forced, readers.keySet()));
            }
            return readers.get(forced);
        }
        for (DatasetReader r : readers.values()) {
            if (r.accepts(file)) {
                return r;
            }
        }
        throw new DatasetException(file + (Files.isDirectory(file) ? ": a directory, and no reader recognises it (a CSV "
                + "dataset directory holds one .csv file per view and optionally labels.csv)" : ": no reader recognises this file")
                + "; name one with :reader=NAME ("
                + String.join(", ", readers.keySet()) + ")");
    }

    private static org.mvclust.api.Params params(DatasetReader r, Map<String, String> options, String where) {
        try {
            return ParamResolver.resolve(where, r.params(), new LinkedHashMap<>(options), Map.of());
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage() + " [reader '" + r.name() + "']");
        }
    }

    /** Keeps views given 1-based, in the given order, e.g. "2,3,1". */
    static MultiViewData subset(MultiViewData data, String views) throws DatasetException {
        List<Matrix> kept = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String s : views.split("[,;\\s]+")) {
            int v;
            try {
                v = Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                throw new DatasetException(data.name() + ": views=" + views + ": '" + s + "' is not a view number");
            }
            if (v < 1 || v > data.viewCount()) {
                throw new DatasetException(data.name() + ": views=" + views + ": view " + v + " does not exist (1.."
                        + data.viewCount() + ")");
            }
            kept.add(data.views().get(v - 1));
            names.add(data.viewNames().get(v - 1));
        }
        return new MultiViewData(data.name() + ":views=" + views.replace(' ', ','), names, kept, data.labels());
    }

    /** Splits "a=1,b=2,views=1,2,4" into options, keeping commas that belong to a value. */
    static List<String> splitOptions(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.contains("=") && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "," + part);
            } else {
                out.add(part);
            }
        }
        return out;
    }
}
