package org.mvclust.runtime.cli;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvclust.api.DatasetException;
import org.mvclust.runtime.eval.MetricSet;
import org.mvclust.runtime.train.Profile;

/** Runs one {@link BenchTask} as {@code bench} does and turns a run's metrics into the cell's results row. */
public final class BenchRunner {
    private final Experiment.Factory experiments;
    private final MetricSet metricSet;

    @Inject
    BenchRunner(Experiment.Factory experiments, MetricSet metricSet) {
        this.experiments = experiments;
        this.metricSet = metricSet;
    }

    /** Loads and checks the task's graph and dataset; tasks of one cell may share what this returns. */
    Experiment open(BenchTask t) throws DatasetException {
        Experiment exp = experiments.open(t.method(), t.dataset(), t.dataDirs().stream().map(Path::of).toList(), null,
                new Experiment.Settings(t.overrides(), t.threads(), 10, 60, 0, true, true, t.device()), t.split(), t.splitSeed());
        RunSelection.parse(t.select()).check(exp.spec);
        return exp;
    }

    /** Trains the task on its own and returns its row. */
    public Map<String, Object> run(BenchTask t) throws Exception {
        return run(t, open(t));
    }

    /** Trains the task with {@code exp} (opened for a task of the same cell) and returns its row. */
    Map<String, Object> run(BenchTask t, Experiment exp) throws Exception {
        Path dir = Path.of(t.dir());
        Files.createDirectories(dir);
        Map<String, Object> m = exp.select((long) t.seed() * t.runs(), t.runs(), RunSelection.parse(t.select()), dir,
                t.quiet() ? null : System.err, new Profile(), true).metrics();
        for (String w : HealthLines.warnings(m)) {
            System.err.printf("%s on %s seed %d: %s%n", t.label(), t.dataset(), t.seed(), w);
        }
        return row(t, m);
    }

    /** The results row of the task's cell and seed from what a run's metrics.json holds. */
    public Map<String, Object> row(BenchTask t, Map<String, Object> m) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("method", t.label());
        r.put("dataset", t.dataset());
        r.put("seed", t.seed());
        Map<?, ?> metrics = (Map<?, ?>) m.getOrDefault("metrics", Map.of());
        for (String k : metricSet.names()) {
            r.put(k, metrics.get(k));
        }
        for (String k : List.of("epochs", "train_seconds", "step_seconds", "readout_seconds", "train_gflop", "peak_rss_mb", "final_loss")) {
            r.put(k, m.get(k));
        }
        Object g = m.get("train_gflop");
        Object s = m.get("step_seconds");
        r.put("gflops", g instanceof Number gn && s instanceof Number sn && sn.doubleValue() > 0
                ? gn.doubleValue() / sn.doubleValue() : null);
        Map<?, ?> health = (Map<?, ?>) m.getOrDefault("health", Map.of());
        for (String k : List.of("clusters_used", "size_entropy", "kmeans_ari", "kmeans_nmi", "knn_agreement", "stability")) {
            r.put(k, health.get(k));
        }
        r.put("overrides", String.join(" ", t.cellSets()));
        if (m.get("held_out") instanceof Map<?, ?> held) {
            r.put("held_samples", held.get("samples"));
            r.put("split_seed", held.get("split_seed"));
            Map<?, ?> hm = (Map<?, ?>) held.get("metrics");
            metricSet.names().forEach(k -> r.put("held_" + k, hm.get(k)));
            Map<?, ?> tm = held.get("train_by_model") instanceof Map<?, ?> x ? x : Map.of();
            List.of("acc", "nmi").forEach(k -> r.put("model_" + k, tm.get(k))); // training samples labelled by the model
            if (held.get("refused") != null) {
                r.put("held_refused", held.get("refused"));
            }
        }
        if (t.runs() > 1) {
            r.put("runs", t.runs());
            r.put("selected_by", RunSelection.parse(t.select()).toString());
            r.put("selected_seed", m.get("seed"));
        }
        return r;
    }
}
