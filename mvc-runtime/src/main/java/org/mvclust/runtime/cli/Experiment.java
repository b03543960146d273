package org.mvclust.runtime.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mvclust.api.DatasetException;
import org.mvclust.api.MultiViewData;
import org.mvclust.api.Preprocessor;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.Yaml;
import org.mvclust.runtime.data.DataResolver;
import org.mvclust.runtime.data.Incomplete;
import org.mvclust.runtime.eval.Health;
import org.mvclust.runtime.eval.KnnAgreement;
import org.mvclust.runtime.eval.MetricSet;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.model.Split;
import org.mvclust.runtime.plugin.Registry;
import org.mvclust.runtime.train.Profile;
import org.mvclust.runtime.train.Progress;
import org.mvclust.runtime.train.Trainer;

/** One method on one dataset: validated graph, preprocessed data, and single seeded runs into a directory. */
final class Experiment {
    /** How runs are executed, shared by every seed. */
    record Settings(List<String> overrides, int threads, int checkpointEvery, double checkpointSeconds, int evalEvery,
                    boolean resume, boolean plots, String device) {
    }

    final Registry registry;
    final GraphSpec spec;
    final MultiViewData data;
    /** The data's presence mask and what made it (incomplete views). */
    final Incomplete.Prepared incomplete;
    final int clusters;
    final String graphYaml;
    /** What preprocessing fitted, one row per view (preprocess.json). */
    final List<Map<String, Object>> fitted = new ArrayList<>();
    final Settings settings;
    final KnnAgreement knn;
    final MetricSet metrics;
    /** The held-back samples of a split run, or null. */
    final Split heldOut;

    /** Opens experiments with the components discovery found; commands receive it by injection. */
    static final class Factory {
        private final Registry registry;
        private final GraphLoader graphs;
        private final DataResolver datasets;
        private final MetricSet metrics;
        private final Map<String, Preprocessor> preprocessors;

        @Inject
        Factory(Registry registry, GraphLoader graphs, DataResolver datasets, MetricSet metrics,
                Map<String, Preprocessor> preprocessors) {
            this.registry = registry;
            this.graphs = graphs;
            this.datasets = datasets;
            this.metrics = metrics;
            this.preprocessors = preprocessors;
        }

        Experiment open(String method, String dataset, List<Path> dataDirs, Integer clusters, Settings settings)
                throws DatasetException {
            return new Experiment(this, method, dataset, dataDirs, clusters, settings, 0, 0);
        }

        /**
         * With {@code split} in (0, 1): trains on that fraction of the samples, drawn with {@code splitSeed}, and
         * evaluates the rest with the model.
         */
        Experiment open(String method, String dataset, List<Path> dataDirs, Integer clusters, Settings settings, double split,
                        long splitSeed) throws DatasetException {
            return new Experiment(this, method, dataset, dataDirs, clusters, settings, split, splitSeed);
        }
    }

    /** Loads and validates everything before any training: graph, dataset, cluster count, preprocessing. */
    private Experiment(Factory f, String method, String dataset, List<Path> dataDirs, Integer clusters, Settings settings,
                       double split, long splitSeed) throws DatasetException {
        this.registry = f.registry;
        this.metrics = f.metrics;
        this.settings = settings;
        this.spec = f.graphs.load(method, settings.overrides());
        Incomplete.Split request = Incomplete.take(dataset);
        MultiViewData loaded = f.datasets.load(request.dataset(), dataDirs, spec.readerOptions(DataResolver.name(dataset)));
        Split part = split > 0 ? Split.of(loaded, split, splitSeed) : null;
        // a copy of the training part: preprocessing scales the data in place, and HeldOut predicts part.train() as read
        this.incomplete = Incomplete.prepare(part == null ? loaded : Split.rows(loaded, part.trainRows(), "train"), request, spec);
        if (part != null && incomplete.mask() != null) {
            throw new ConfigException(dataset + ": a held-out split of data with absent views is not supported (predict needs every view)");
        }
        this.data = incomplete.data();
        this.heldOut = part;
        if (clusters != null && clusters < 2) {
            throw new ConfigException("--clusters " + clusters + ": need at least 2 clusters");
        }
        int k = clusters != null ? clusters : loaded.classes();
        if (k < 2) {
            throw new ConfigException("dataset " + data.name() + (data.hasLabels()
                    ? "'s labels hold a single class, so they cannot give the number of clusters; pass --clusters K"
                    : " has no labels to count clusters from; pass --clusters K (or, if the file holds labels under "
                    + "another name, give it as DATASET:labels=NAME)"));
        }
        if (k > data.samples()) {
            throw new ConfigException("--clusters " + k + " is more than the " + data.samples() + " samples");
        }
        this.clusters = k;
        this.knn = data.samples() > 10 ? KnnAgreement.of(data.views(), 10) : null; // the raw views, as score.py
        Preprocessor pre = f.preprocessors.get(spec.preprocess());
        for (int v = 0; v < data.viewCount(); v++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("view", data.viewNames().get(v));
            row.put("method", spec.preprocess());
            row.putAll(Incomplete.preprocess(pre, data.views().get(v), incomplete.mask(), v));
            fitted.add(row);
        }
        this.graphYaml = Yaml.toYaml(spec.tree());
    }

    /**
     * This experiment with {@code k} clusters, on the given rows of its preprocessed data (all rows when null; a
     * subsample has no kNN score) and with {@code plots} or not.
     */
    Experiment with(int[] rows, int k, boolean plots) {
        return new Experiment(this, rows, k, plots);
    }

    private Experiment(Experiment base, int[] rows, int k, boolean plots) {
        this.registry = base.registry;
        this.metrics = base.metrics;
        Settings s = base.settings;
        this.settings = new Settings(s.overrides(), s.threads(), s.checkpointEvery(), s.checkpointSeconds(), s.evalEvery(),
                s.resume(), plots, s.device());
        this.spec = base.spec;
        this.data = rows == null ? base.data : new MultiViewData(base.data.name() + "-" + rows.length + "rows", base.data.viewNames(),
                base.data.views().stream().map(v -> v.selectRows(rows)).toList(), base.data.hasLabels() ? Rows.of(base.data.labels(), rows) : null);
        this.knn = rows == null ? base.knn : null;
        this.heldOut = base.heldOut;
        this.incomplete = rows == null ? base.incomplete : new Incomplete.Prepared(this.data,
                base.incomplete.mask() == null ? null : base.incomplete.mask().selectRows(rows), base.incomplete.info(), null);
        this.clusters = k;
        this.fitted.addAll(base.fitted);
        this.graphYaml = base.graphYaml;
    }

    String describe() {
        return String.format("%s on %s (%d samples, %d views %s, %d clusters)", spec.name(), data.name(), data.samples(),
                data.viewCount(), data.views().stream().map(v -> String.valueOf(v.cols())).toList(), clusters);
    }

    /** One training run with {@code seed} into {@code dir}; returns what its metrics.json holds. */
    Map<String, Object> once(long seed, Path dir, PrintStream log, Profile profile) throws Exception {
        long tl = System.nanoTime();
        org.tensorflow.TensorFlow.version();
        profile.add("tensorflow load", System.nanoTime() - tl);
        long t0 = System.nanoTime();
        double stepsBefore = profile.seconds("training steps"); // a profile may span several runs
        try (Model model = new ModelBuilder(spec, registry, clusters, seed).build(data.views(), incomplete.mask())) {
            profile.add("graph build", System.nanoTime() - t0);
            Progress progress = new Progress(log, System.console() != null);
            Trainer trainer = new Trainer(model, spec, registry, data.samples(), clusters,
                    new Trainer.Options(seed, settings.threads(), dir.resolve("checkpoint.bin"), settings.checkpointEvery(),
                            settings.checkpointSeconds(), settings.resume(), settings.evalEvery(), progress, profile, settings.device()),
                    fingerprint(seed), data.hasLabels() ? List.of(new Evaluation(data.labels(), metrics)) : List.of());
            trainer.atEnd((session, input, labels) -> org.mvclust.runtime.model.ModelWriter.write(dir.resolve("model"), session,
                    model, spec, graphYaml, modelSource(), clusters, seed, input, labels));
            Trainer.Outcome res = trainer.run();
            long tw = System.nanoTime();
            Map<String, Object> m = write(dir, seed, res, profile.seconds("training steps") - stepsBefore);
            if (heldOut != null) {
                m.put("held_out", HeldOut.evaluate(registry, metrics, dir, heldOut, settings.threads()));
                Outputs.write(dir.resolve("metrics.json"), Yaml.toJson(m));
            }
            profile.add("writing results", System.nanoTime() - tw);
            return m;
        }
    }

    private org.mvclust.runtime.model.ModelWriter.Source modelSource() {
        return new org.mvclust.runtime.model.ModelWriter.Source(data.name(), data.samples(), data.viewNames(),
                data.views().stream().map(org.mvclust.api.Matrix::cols).toList(), fitted);
    }

    private Map<String, Object> write(Path dir, long seed, Trainer.Outcome res, double stepSeconds) throws IOException {
        StringBuilder labels = new StringBuilder(data.hasLabels() ? "sample,cluster,class\n" : "sample,cluster\n");
        for (int i = 0; i < res.labels().length; i++) {
            labels.append(i).append(',').append(res.labels()[i]);
            if (data.hasLabels()) {
                labels.append(',').append(data.labels()[i]);
            }
            labels.append('\n');
        }
        Outputs.write(dir.resolve("labels.csv"), labels.toString()); // first: what a failure later should not lose
        Outputs.write(dir.resolve("graph.yaml"), graphYaml);
        Outputs.write(dir.resolve("preprocess.json"), Yaml.toJson(fitted));
        Outputs.write(dir.resolve("history.csv"), Outputs.csv(res.history()));
        Outputs.write(dir.resolve("steps.csv"), Outputs.csv(res.steps()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", spec.name());
        m.put("source", spec.source());
        m.put("overrides", settings.overrides());
        m.put("dataset", data.name());
        m.put("samples", data.samples());
        m.put("views", data.viewCount());
        m.put("clusters", clusters);
        m.put("seed", seed);
        m.put("threads", settings.threads());
        m.put("epochs", res.history().size());
        m.put("final_loss", res.finalLoss());
        m.put("final_losses", finalLosses(res.history()));
        m.put("train_seconds", res.trainSeconds());
        m.put("step_seconds", stepSeconds);
        m.put("readout_seconds", res.readoutSeconds());
        m.put("train_gflop", res.trainFlops() / 1e9);
        m.put("peak_rss_mb", peakRssMb());
        m.put("metrics", data.hasLabels() ? metrics.all(data.labels(), res.labels()) : Map.of());
        if (!res.report().isEmpty()) {
            m.put("report", res.report());
        }
        health(m, seed, res);
        incomplete.write(dir, m);
        Outputs.write(dir.resolve("metrics.json"), Yaml.toJson(m));
        if (settings.plots()) { // a failure only prints a warning
            org.mvclust.runtime.report.Plots.writeRun(dir, spec.name() + " on " + data.name() + ", seed " + seed, res.history(),
                    res.embedding(), res.labels(), data.hasLabels() ? data.labels() : null, metrics.names());
        }
        return m;
    }

    /** The run's health measures and warnings into {@code m}; the reference k-means runs on the preprocessed views with the run's seed. */
    private void health(Map<String, Object> m, long seed, Trainer.Outcome res) {
        long t = System.nanoTime();
        Map<String, Object> h = Health.measures(res.labels(), clusters, Health.kmeans(data.views(), clusters, seed), knn);
        String nan = nanLoss(res.history(), metrics.names());
        h.put("nan_loss", nan != null);
        h.put("seconds", (System.nanoTime() - t) / 1e9);
        m.put("health", h);
        List<String> warnings = Health.warnings((Integer) h.get("clusters_used"), clusters, (Double) h.get("size_entropy"), nan);
        if (!warnings.isEmpty()) {
            m.put("warnings", warnings);
        }
    }

    /** Where a loss first went NaN or infinite ("TERM, epoch E of phase P"), or null. */
    static String nanLoss(List<Map<String, Object>> history, List<String> metricNames) {
        Set<String> skip = new HashSet<>(metricNames);
        skip.addAll(List.of("phase", "epoch", "seconds"));
        for (Map<String, Object> row : history) {
            for (var e : row.entrySet()) {
                if (!skip.contains(e.getKey()) && e.getValue() instanceof Number n && !Double.isFinite(n.doubleValue())) {
                    return e.getKey() + ", epoch " + row.get("epoch") + " of phase " + row.get("phase");
                }
            }
        }
        return null;
    }

    /** Several runs and the one kept: its metrics.json map, and one row per run (seed, final loss, metrics). */
    record Selected(Map<String, Object> metrics, List<Map<String, Object>> runs) {
    }

    /**
     * Trains seeds {@code first}..{@code first+runs-1}, each in {@code dir/run-R} (in {@code dir} itself when there is one),
     * and keeps the run {@code select} ranks first: its labels, history, pictures and metrics (with the mean, std and max
     * over the runs) and runs.csv go to {@code dir}. With {@code reuse}, a run whose metrics.json exists is read instead of trained again.
     */
    @SuppressWarnings("unchecked")
    Selected select(long first, int runs, RunSelection select, Path dir, PrintStream log, Profile profile, boolean reuse)
            throws Exception {
        List<Map<String, Object>> all = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long s = first + r;
            Path runDir = runs == 1 ? dir : dir.resolve("run-" + r);
            Files.createDirectories(runDir);
            Path done = runDir.resolve("metrics.json");
            Map<String, Object> m;
            if (runs > 1 && reuse && Files.isRegularFile(done)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> read = Yaml.JSON.convertValue(Yaml.JSON.readTree(done.toFile()), Map.class);
                m = read;
            } else {
                if (runs > 1 && log != null) {
                    log.println("run " + (r + 1) + "/" + runs + " (seed " + s + ")");
                }
                m = once(s, runDir, log, profile);
            }
            all.add(m);
        }
        double stability = runs > 1 ? runAgreement(all, dir) : Double.NaN;
        int best = select.best(all);
        for (int r = 0; r < runs; r++) {
            rows.add(row(r, all.get(r), select, r == best));
        }
        Map<String, Object> m = new LinkedHashMap<>(all.get(best));
        if (runs > 1) {
            Map<String, Object> health = new LinkedHashMap<>((Map<String, Object>) m.getOrDefault("health", Map.of()));
            health.put("stability", stability);
            m.put("health", health);
            Outputs.write(dir.resolve("runs.csv"), Outputs.csv(rows));
            m.put("run", best);
            m.put("selected_by", select.describe());
            m.put("runs", runs);
            m.put("over_runs", overRuns(rows));
            for (String f : List.of("labels.csv", "history.csv", "curves.png", "embedding.png", "confusion.png")) {
                Path kept = dir.resolve("run-" + best).resolve(f);
                if (Files.isRegularFile(kept)) { // the kept run's files, so that dir reads as that run
                    Outputs.copy(kept, dir.resolve(f));
                }
            }
            Outputs.write(dir.resolve("metrics.json"), Yaml.toJson(m));
        }
        return new Selected(m, rows);
    }

    private static final List<String> HEALTH_COLUMNS = List.of("clusters_used", "size_entropy", "kmeans_ari", "kmeans_nmi",
            "knn_agreement", "run_agreement");

    /** A runs.csv row: seed, losses, health measures, the selection's score and choice, then the label metrics. */
    private static Map<String, Object> row(int r, Map<String, Object> m, RunSelection select, boolean kept) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run", r);
        row.put("seed", m.get("seed"));
        row.put("final_loss", m.get("final_loss"));
        if (select.term() != null) {
            row.put("final_" + select.term(), select.value(m));
        }
        Map<?, ?> health = (Map<?, ?>) m.getOrDefault("health", Map.of());
        HEALTH_COLUMNS.forEach(k -> row.put(k, health.get(k)));
        row.put("score", select.value(m));
        row.put("selected", kept ? 1 : 0);
        ((Map<?, ?>) m.getOrDefault("metrics", Map.of())).forEach((k, v) -> row.put(k.toString(), v));
        return row;
    }

    /**
     * Puts each run's mean ARI with the other runs' partitions (their labels.csv) into its health map as
     * {@code run_agreement}, and returns the stability, the mean over all pairs.
     */
    @SuppressWarnings("unchecked")
    private static double runAgreement(List<Map<String, Object>> all, Path dir) throws IOException {
        List<int[]> partitions = new ArrayList<>();
        for (int r = 0; r < all.size(); r++) {
            partitions.add(clusters(dir.resolve("run-" + r).resolve("labels.csv")));
        }
        double[] agree = Health.agreementWithOthers(partitions);
        for (int r = 0; r < all.size(); r++) {
            Map<String, Object> health = new LinkedHashMap<>((Map<String, Object>) all.get(r).getOrDefault("health", Map.of()));
            health.put("run_agreement", agree[r]);
            Map<String, Object> m = new LinkedHashMap<>(all.get(r));
            m.put("health", health);
            all.set(r, m);
        }
        return Health.stability(partitions);
    }

    /** The cluster column of a labels.csv. */
    static int[] clusters(Path labels) throws IOException {
        List<String> lines = Files.readAllLines(labels, StandardCharsets.UTF_8);
        return lines.stream().skip(1).filter(l -> !l.isBlank()).mapToInt(l -> Integer.parseInt(l.split(",")[1])).toArray();
    }

    /** Mean, sample std and max of every numeric column but run, seed and the selection's own. */
    static Map<String, Object> overRuns(List<Map<String, Object>> rows) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : rows.get(0).keySet()) {
            if (List.of("run", "seed", "score", "selected").contains(key)) {
                continue;
            }
            double[] v = rows.stream().mapToDouble(r -> r.get(key) instanceof Number n ? n.doubleValue() : Double.NaN).toArray();
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, v.length - 1));
            out.put(key, Map.of("mean", mean, "std", sd, "max", Arrays.stream(v).max().orElse(Double.NaN)));
        }
        return out;
    }

    /** The last value each loss term reported (its history column), for selection by one term. */
    private Map<String, Double> finalLosses(List<Map<String, Object>> history) {
        Set<String> skip = new HashSet<>(metrics.names());
        skip.addAll(List.of("phase", "epoch", "seconds", "loss"));
        Map<String, Double> out = new TreeMap<>();
        for (Map<String, Object> row : history) {
            row.forEach((k, v) -> {
                if (!skip.contains(k) && v instanceof Number n) {
                    out.put(k.replaceFirst("^s\\d+\\.", ""), n.doubleValue()); // a step's prefix in alternating phases
                }
            });
        }
        return out;
    }

    /**
     * The run's fingerprint for its checkpoints, then, if components of the graph were renamed, that of the same graph
     * with their former names, so checkpoints written before the rename still resume.
     */
    private String fingerprint(long seed) throws Exception {
        String now = fingerprint(graphYaml, seed);
        String former = fingerprint(Yaml.toYaml(formerNames(spec.tree().deepCopy())), seed);
        return former.equals(now) ? now : now + " " + former;
    }

    private String fingerprint(String graph, long seed) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(graph.getBytes(StandardCharsets.UTF_8));
        d.update((data.name() + "|" + data.samples() + "|" + data.views().stream().map(v -> v.cols() + "").toList()
                + "|" + clusters + "|" + seed).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest());
    }

    /** Every text equal to a component's name that has a former name (its first alias) replaced by that name. */
    private com.fasterxml.jackson.databind.JsonNode formerNames(com.fasterxml.jackson.databind.JsonNode n) {
        Map<String, String> former = new HashMap<>();
        for (org.mvclust.runtime.plugin.Kind k : org.mvclust.runtime.plugin.Kind.values()) {
            registry.all(k).forEach((name, c) -> {
                if (!c.aliases().isEmpty()) {
                    former.put(name, c.aliases().get(0));
                }
            });
        }
        rename(n, former);
        return n;
    }

    private static void rename(com.fasterxml.jackson.databind.JsonNode n, Map<String, String> former) {
        if (n instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.fieldNames().forEachRemaining(f -> {
                var v = o.get(f);
                if (v.isTextual() && former.containsKey(v.asText())) {
                    o.put(f, former.get(v.asText()));
                } else {
                    rename(v, former);
                }
            });
        } else if (n instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual() && former.containsKey(a.get(i).asText())) {
                    a.set(i, former.get(a.get(i).asText()));
                } else {
                    rename(a.get(i), former);
                }
            }
        }
    }

    /** The process's peak resident memory (Linux VmHWM), or -1 where unknown; it covers native TensorFlow memory. */
    static double peakRssMb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
