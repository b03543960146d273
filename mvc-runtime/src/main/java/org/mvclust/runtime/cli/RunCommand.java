package org.mvclust.runtime.cli;

import com.google.inject.Injector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.config.ConfigException;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.Yaml;
import org.mvclust.runtime.data.DataResolver;
import org.mvclust.runtime.data.Preprocess;
import org.mvclust.runtime.eval.Metrics;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.plugin.Registry;
import org.mvclust.runtime.train.Progress;
import org.mvclust.runtime.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mvclust run}: load a graph and a dataset, train, read out, evaluate, and write the results. */
@Command(name = "run", description = "Train a method on a dataset and write labels, metrics and history to --out.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = {"-m", "--method"}, defaultValue = "ae-kmeans", description = "Preset name or graph file (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = {"-d", "--dataset"}, defaultValue = "synthetic", description = "NAME[:key=value,...] or a file path (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory with dataset files (default: $MVCLUST_DATA, then ./data).")
    Path dataDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a graph value (e.g. fusion=mean, losses.recon.weight=0.5); repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "0", description = "Seed of everything random (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--clusters", description = "Number of clusters (default: the number of classes in the labels).")
    Integer clusters;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/METHOD-DATASET-sSEED).")
    Path out;

    @Option(names = "--resume", description = "Continue from the checkpoint in --out.")
    boolean resume;

    @Option(names = "--threads", description = "TensorFlow intra- and inter-op threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--checkpoint-every", defaultValue = "10", description = "Checkpoint every N epochs of a phase, 0 = only at phase ends (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--eval-every", defaultValue = "10", description = "With labels, compute metrics every N epochs, 0 = at phase ends (default: ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--runs", defaultValue = "1", description = "Train N times with seeds SEED..SEED+N-1 and keep the run with the lowest final training loss (labels never used) (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Option(names = "--no-plots", description = "Skip the pictures (curves.png, embedding.png, confusion.png).")
    boolean noPlots;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new ConfigException("--runs must be at least 1");
        }
        Injector injector = common.injector();
        Registry registry = injector.getInstance(Registry.class);
        GraphSpec spec = injector.getInstance(GraphLoader.class).load(method, sets);
        MultiViewData data = injector.getInstance(DataResolver.class).load(dataset, DataResolver.dataDirs(dataDir));
        int k = clusters != null ? clusters : data.classes();
        if (k < 2) {
            throw new ConfigException("dataset " + data.name() + " has no labels to count clusters from; pass --clusters K");
        }
        if (k > data.samples()) {
            throw new ConfigException("--clusters " + k + " is more than the " + data.samples() + " samples");
        }
        List<Preprocess.Fitted> fitted = Preprocess.apply(spec.preprocess(), data.views());
        String graphYaml = Yaml.toYaml(spec.tree());
        Path dir = out != null ? out : Path.of("runs", (spec.name() + "-" + data.name() + "-s" + seed).replaceAll("[^A-Za-z0-9_.=-]", "_"));
        Files.createDirectories(dir);
        java.io.PrintStream log = quiet ? null : System.err;
        if (log != null) {
            log.println(String.format("mvclust: %s on %s (%d samples, %d views %s, %d clusters), seed %d%s, %d threads -> %s",
                    spec.name(), data.name(), data.samples(), data.viewCount(),
                    data.views().stream().map(v -> String.valueOf(v.cols())).toList(), k, seed,
                    runs > 1 ? " (+" + (runs - 1) + " more runs)" : "", threads, dir));
        }
        List<Map<String, Object>> summary = new ArrayList<>();
        Map<String, Object> best = null;
        for (int r = 0; r < runs; r++) {
            long s = seed + r;
            Path runDir = runs == 1 ? dir : dir.resolve("run-" + r);
            Files.createDirectories(runDir);
            if (runs > 1 && log != null) {
                log.println("run " + (r + 1) + "/" + runs + " (seed " + s + ")");
            }
            Map<String, Object> m = once(registry, spec, data, k, s, runDir, graphYaml, fitted, log);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("run", r);
            row.put("seed", s);
            row.put("final_loss", m.get("final_loss"));
            @SuppressWarnings("unchecked")
            Map<String, Double> metrics = (Map<String, Double>) m.get("metrics");
            row.putAll(metrics);
            summary.add(row);
            double loss = (Double) m.get("final_loss");
            if (best == null || loss < (Double) best.get("final_loss")) {
                best = m;
                best.put("run", r);
            }
        }
        if (runs > 1) {
            Outputs.write(dir.resolve("runs.csv"), Outputs.csv(summary));
            Map<String, Object> m = new LinkedHashMap<>(best);
            m.put("selected_by", "lowest final training loss");
            m.put("runs", runs);
            m.put("over_runs", overRuns(summary));
            Outputs.write(dir.resolve("metrics.json"), Yaml.toJson(m));
            Path chosen = dir.resolve("run-" + best.get("run"));
            Outputs.write(dir.resolve("labels.csv"), Files.readString(chosen.resolve("labels.csv")));
            System.out.println("selected run " + best.get("run") + " (seed " + best.get("seed") + ", lowest final loss "
                    + String.format(java.util.Locale.ROOT, "%.6g", (Double) best.get("final_loss")) + ")");
        }
        printResult((Map<?, ?>) best.get("metrics"), runs > 1 ? dir.resolve("runs.csv") : null, summary);
        System.out.println("wrote " + dir);
        return 0;
    }

    /** One training run into {@code dir}; returns what metrics.json holds. */
    private Map<String, Object> once(Registry registry, GraphSpec spec, MultiViewData data, int k, long s, Path dir,
                                     String graphYaml, List<Preprocess.Fitted> fitted, java.io.PrintStream log) throws Exception {
        String fingerprint = fingerprint(graphYaml, data, k, s);
        try (Model model = new ModelBuilder(spec, registry, k, s).build(data.views())) {
            Progress progress = new Progress(log, System.console() != null);
            Trainer trainer = new Trainer(model, spec, registry, data.samples(), k, data.labels(),
                    new Trainer.Options(s, threads, dir.resolve("checkpoint.bin"), checkpointEvery, resume, evalEvery, progress), fingerprint);
            Trainer.Outcome res = trainer.run();
            return write(dir, spec, data, k, s, res, graphYaml, fitted);
        }
    }

    private Map<String, Object> write(Path dir, GraphSpec spec, MultiViewData data, int k, long s, Trainer.Outcome res,
                                      String graphYaml, List<Preprocess.Fitted> fitted) throws IOException {
        StringBuilder labels = new StringBuilder(data.hasLabels() ? "sample,cluster,class\n" : "sample,cluster\n");
        for (int i = 0; i < res.labels().length; i++) {
            labels.append(i).append(',').append(res.labels()[i]);
            if (data.hasLabels()) {
                labels.append(',').append(data.labels()[i]);
            }
            labels.append('\n');
        }
        Outputs.write(dir.resolve("graph.yaml"), graphYaml);
        Outputs.write(dir.resolve("preprocess.json"), Yaml.toJson(Preprocess.describe(data.viewNames(), fitted)));
        Outputs.write(dir.resolve("labels.csv"), labels.toString());
        Outputs.write(dir.resolve("history.csv"), Outputs.csv(res.history()));
        Outputs.write(dir.resolve("steps.csv"), Outputs.csv(res.steps()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", spec.name());
        m.put("source", spec.source());
        m.put("overrides", sets);
        m.put("dataset", data.name());
        m.put("samples", data.samples());
        m.put("views", data.viewCount());
        m.put("clusters", k);
        m.put("seed", s);
        m.put("threads", threads);
        m.put("final_loss", res.finalLoss());
        m.put("train_seconds", res.trainSeconds());
        m.put("readout_seconds", res.readoutSeconds());
        m.put("metrics", data.hasLabels() ? Metrics.all(data.labels(), res.labels()) : Map.of());
        Outputs.write(dir.resolve("metrics.json"), Yaml.toJson(m));
        if (!noPlots) { // pictures; a failure only prints a warning
            org.mvclust.runtime.report.Plots.writeRun(dir, spec.name() + " on " + data.name() + ", seed " + s, res.history(),
                    res.embedding(), res.labels(), data.hasLabels() ? data.labels() : null);
        }
        return m;
    }

    private static Map<String, Object> overRuns(List<Map<String, Object>> rows) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : rows.get(0).keySet()) {
            if (key.equals("run") || key.equals("seed")) {
                continue;
            }
            double[] v = rows.stream().mapToDouble(r -> ((Number) r.get(key)).doubleValue()).toArray();
            double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
            double sd = Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, v.length - 1));
            out.put(key, Map.of("mean", mean, "std", sd, "max", java.util.Arrays.stream(v).max().orElse(Double.NaN)));
        }
        return out;
    }

    private static void printResult(Map<?, ?> metrics, Path runsCsv, List<Map<String, Object>> summary) {
        if (metrics == null || metrics.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("result:");
        metrics.forEach((key, v) -> line.append(String.format(java.util.Locale.ROOT, "  %s %.4f", key.toString().toUpperCase(), (Double) v)));
        System.out.println(line);
        if (runsCsv != null) {
            Map<String, Object> agg = overRuns(summary);
            StringBuilder mean = new StringBuilder("mean over " + summary.size() + " runs:");
            for (Object key : metrics.keySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Double> a = (Map<String, Double>) agg.get(key.toString());
                mean.append(String.format(java.util.Locale.ROOT, "  %s %.4f±%.4f", key.toString().toUpperCase(), a.get("mean"), a.get("std")));
            }
            System.out.println(mean);
        }
    }

    private static String fingerprint(String graphYaml, MultiViewData data, int k, long seed) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(graphYaml.getBytes(StandardCharsets.UTF_8));
        d.update((data.name() + "|" + data.samples() + "|" + data.views().stream().map(v -> v.cols() + "").toList()
                + "|" + k + "|" + seed).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest());
    }
}
