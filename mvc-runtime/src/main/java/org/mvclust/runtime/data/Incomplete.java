package org.mvclust.runtime.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mvclust.api.DatasetException;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.api.Preprocessor;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.TensorRef;

/**
 * Incomplete views in a run. Dataset options (also written {@code --missing rate=R,seed=S,...}): {@code missing=R}
 * removes views by {@link MissingViews} with {@code missing_seed} (default 0) and {@code missing_mechanism} (mcar);
 * {@code missing_file=PATH} reads a mask file ({@link Presence}); {@code impute=mean|knn} ({@code impute_k}, default 5)
 * fills the absent views before training instead of masking them. Without imputation the absent rows are zeros and
 * the graph gets the mask; a graph that wires no {@code mask} tensor refuses such data.
 */
public final class Incomplete {
    static final List<String> KEYS = List.of("missing", "missing_seed", "missing_mechanism", "missing_file", "impute", "impute_k");

    /** What was asked: a rate or a mask file (or neither), and the imputation ("none" = mask). */
    public record Spec(double rate, long seed, String mechanism, Path file, String impute, int k) {
        public static final Spec NONE = new Spec(0, 0, MissingViews.MCAR, null, "none", 5);
    }

    /** A dataset spec without the protocol's options, and those options. */
    public record Split(String dataset, Spec spec, String suffix) {
    }

    /** The data as the graph gets it, its mask (null when complete or imputed), and what missing.json records. */
    public record Prepared(MultiViewData data, Matrix mask, Map<String, Object> info, String maskCsv) {
        /** Writes the mask file and its description into a run directory (nothing when the data was complete). */
        public void write(Path dir, Map<String, Object> metrics) throws IOException {
            if (maskCsv != null) {
                Files.writeString(dir.resolve("missing.csv"), maskCsv);
                metrics.put("missing", info);
            }
        }
    }

    private Incomplete() {
    }

    /** {@code run --missing rate=0.3,seed=1}: the dataset spec with the same request as its options. */
    public static String withFlag(String dataset, String flag) {
        if (flag == null || flag.isBlank()) {
            return dataset;
        }
        List<String> opts = new ArrayList<>();
        for (String kv : flag.split(",")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--missing " + flag + ": '" + kv + "' is not key=value (keys: rate, seed, mechanism, file, impute, k)");
            }
            String key = kv.substring(0, eq).strip();
            String to = switch (key) {
                case "rate" -> "missing";
                case "seed", "mechanism", "file" -> "missing_" + key;
                case "impute" -> "impute";
                case "k" -> "impute_k";
                default -> throw new ConfigException("--missing " + flag + ": unknown key '" + key
                        + "' (keys: rate, seed, mechanism, file, impute, k)");
            };
            opts.add(to + "=" + kv.substring(eq + 1).strip());
        }
        return withOptions(dataset, opts);
    }

    /** A dataset spec with more key=value options. */
    public static String withOptions(String dataset, List<String> options) {
        if (options.isEmpty()) {
            return dataset;
        }
        return dataset + (DataResolver.name(dataset).equals(dataset) ? ":" : ",") + String.join(",", options);
    }

    /** Splits the protocol's options off a dataset spec. */
    public static Split take(String dataset) {
        String name = DataResolver.name(dataset);
        if (name.equals(dataset)) {
            return new Split(dataset, Spec.NONE, "");
        }
        Map<String, String> mine = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (String kv : DataResolver.splitOptions(dataset.substring(name.length() + 1))) {
            int eq = kv.indexOf('=');
            String key = eq > 0 ? kv.substring(0, eq).strip() : kv;
            if (KEYS.contains(key)) {
                mine.put(key, kv.substring(eq + 1).strip());
            } else {
                rest.add(kv);
            }
        }
        String where = "dataset " + dataset;
        double rate = number(mine.get("missing"), 0, where + ": missing");
        Spec spec = new Spec(rate, (long) number(mine.get("missing_seed"), 0, where + ": missing_seed"),
                mine.getOrDefault("missing_mechanism", MissingViews.MCAR),
                mine.containsKey("missing_file") ? Path.of(mine.get("missing_file")) : null,
                mine.getOrDefault("impute", "none"), (int) number(mine.get("impute_k"), 5, where + ": impute_k"));
        if (!spec.impute().equals("none") && !Imputation.METHODS.contains(spec.impute())) {
            throw new ConfigException(where + ": impute=" + spec.impute() + " is not known (none, mean, knn)");
        }
        if (spec.k() < 1) {
            throw new ConfigException(where + ": impute_k must be at least 1");
        }
        if (spec.file() != null && mine.containsKey("missing")) {
            throw new ConfigException(where + ": give missing=RATE or missing_file=PATH, not both");
        }
        StringBuilder suffix = new StringBuilder();
        mine.forEach((k, v) -> suffix.append(',').append(k).append('=').append(v));
        String kept = rest.isEmpty() ? name : name + ":" + String.join(",", rest);
        return new Split(kept, spec, suffix.length() == 0 ? "" : ":" + suffix.substring(1));
    }

    private static double number(String text, double otherwise, String where) {
        if (text == null) {
            return otherwise;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ConfigException(where + ": '" + text + "' is not a number");
        }
    }

    /**
     * Applies the request to loaded data: the mask from its NaN rows, from the file, or generated; then imputation or
     * zeros in the absent rows. A graph that wires no {@code mask} refuses masked data here, before any training.
     */
    public static Prepared prepare(MultiViewData loaded, Split split, GraphSpec graph) throws DatasetException {
        Spec spec = split.spec();
        Matrix mask = Presence.of(loaded);
        long already = Presence.absent(mask);
        String source = already > 0 ? "dataset" : null;
        String where = "dataset " + loaded.name() + split.suffix();
        if (spec.file() != null || spec.rate() > 0) {
            if (already > 0) {
                throw new DatasetException(where + ": the dataset already lacks " + already + " sample-view pairs; a generated"
                        + " or file mask applies to complete data only");
            }
            mask = spec.file() != null ? Presence.read(spec.file(), loaded.samples(), loaded.viewCount())
                    : MissingViews.generate(loaded.samples(), loaded.viewCount(), spec.rate(), spec.seed(), spec.mechanism(), where);
            source = spec.file() != null ? spec.file().getFileName().toString() : "generated";
        }
        long absent = Presence.absent(mask);
        String name = loaded.name() + split.suffix();
        if (absent == 0) {
            MultiViewData same = new MultiViewData(name, loaded.viewNames(), loaded.views(), loaded.labels());
            return new Prepared(same, null, Map.of(), null);
        }
        List<Matrix> views = Presence.markAbsent(loaded.views(), mask);
        String csv = Presence.csv(mask, loaded.viewNames());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("source", source);
        if (source.equals("generated")) {
            info.put("rate", spec.rate());
            info.put("seed", spec.seed());
            info.put("mechanism", spec.mechanism());
        }
        info.put("absent_pairs", absent);
        info.put("pairs", (long) loaded.samples() * loaded.viewCount());
        info.put("absent_fraction", absent / (double) ((long) loaded.samples() * loaded.viewCount()));
        info.put("impute", spec.impute());
        info.put("mask_file", "missing.csv");
        info.put("mask_sha256", Presence.sha256(csv));
        MultiViewData data = new MultiViewData(name, loaded.viewNames(), views, loaded.labels());
        if (!spec.impute().equals("none")) {
            Imputation.apply(spec.impute(), views, mask, spec.k());
            return new Prepared(data, null, info, csv);
        }
        List<String> users = maskUsers(graph);
        if (users.isEmpty()) {
            throw new ConfigException(String.format(Locale.ROOT, "method '%s' does not support missing views: no part of its graph"
                    + " takes the tensor 'mask', and %s lacks %d of %d sample-view pairs. Fill them explicitly with impute=mean or"
                    + " impute=knn (--missing impute=mean, or DATASET:impute=mean), or use a method whose graph wires mask",
                    graph.name(), where, absent, (long) loaded.samples() * loaded.viewCount()));
        }
        Presence.zeroAbsent(views, mask);
        info.put("masked_by", users);
        return new Prepared(data, mask, info, csv);
    }

    /** The nodes and losses of a graph that take the mask. */
    public static List<String> maskUsers(GraphSpec graph) {
        List<String> out = new ArrayList<>();
        graph.nodes().values().forEach(n -> {
            if (n.in().values().stream().anyMatch(Incomplete::isMask)) {
                out.add("nodes." + n.id());
            }
        });
        graph.losses().values().forEach(l -> {
            if (l.in().values().stream().anyMatch(Incomplete::isMask)) {
                out.add("losses." + l.id());
            }
        });
        return out;
    }

    private static boolean isMask(TensorRef t) {
        return t.base().equals("mask");
    }

    /** Fits and applies a preprocessing to a view's present rows only (all rows when the mask is null). */
    public static Map<String, Object> preprocess(Preprocessor pre, Matrix view, Matrix mask, int v) {
        if (mask == null) {
            return pre.apply(view);
        }
        int present = 0;
        for (int i = 0; i < view.rows(); i++) {
            present += mask.get(i, v) != 0f ? 1 : 0;
        }
        int d = view.cols();
        float[] rows = new float[present * d];
        for (int i = 0, r = 0; i < view.rows(); i++) {
            if (mask.get(i, v) != 0f) {
                System.arraycopy(view.data(), i * d, rows, r++ * d, d);
            }
        }
        Map<String, Object> fitted = pre.apply(new Matrix(present, d, rows));
        for (int i = 0, r = 0; i < view.rows(); i++) {
            if (mask.get(i, v) != 0f) {
                System.arraycopy(rows, r++ * d, view.data(), i * d, d);
            }
        }
        return fitted;
    }
}
