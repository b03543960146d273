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

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
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
        String fingerprint = fingerprint(graphYaml, data, k);
        Path dir = out != null ? out : Path.of("runs", (spec.name() + "-" + data.name() + "-s" + seed).replaceAll("[^A-Za-z0-9_.=-]", "_"));
        Files.createDirectories(dir);
        PrintStreamHolder log = new PrintStreamHolder(quiet);
        try (Model model = new ModelBuilder(spec, registry, k, seed).build(data.views())) {
            Outputs.write(dir.resolve("graph.yaml"), graphYaml);
            Outputs.write(dir.resolve("preprocess.json"), Yaml.toJson(Preprocess.describe(data.viewNames(), fitted)));
            Progress progress = new Progress(log.stream, System.console() != null);
            log.println(String.format("mvclust: %s on %s (%d samples, %d views %s, %d clusters), seed %d, %d threads -> %s",
                    spec.name(), data.name(), data.samples(), data.viewCount(),
                    data.views().stream().map(v -> String.valueOf(v.cols())).toList(), k, seed, threads, dir));
            Trainer trainer = new Trainer(model, spec, registry, data.samples(), k, data.labels(),
                    new Trainer.Options(seed, threads, dir.resolve("checkpoint.bin"), checkpointEvery, resume, evalEvery, progress), fingerprint);
            Trainer.Outcome res = trainer.run();
            write(dir, spec, data, k, res);
        }
        return 0;
    }

    private void write(Path dir, GraphSpec spec, MultiViewData data, int k, Trainer.Outcome res) throws IOException {
        StringBuilder labels = new StringBuilder(data.hasLabels() ? "sample,cluster,class\n" : "sample,cluster\n");
        for (int i = 0; i < res.labels().length; i++) {
            labels.append(i).append(',').append(res.labels()[i]);
            if (data.hasLabels()) {
                labels.append(',').append(data.labels()[i]);
            }
            labels.append('\n');
        }
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
        m.put("seed", seed);
        m.put("threads", threads);
        m.put("train_seconds", res.trainSeconds());
        m.put("readout_seconds", res.readoutSeconds());
        Map<String, Double> metrics = data.hasLabels() ? Metrics.all(data.labels(), res.labels()) : Map.of();
        m.put("metrics", metrics);
        Outputs.write(dir.resolve("metrics.json"), Yaml.toJson(m));
        if (!metrics.isEmpty()) {
            StringBuilder line = new StringBuilder("result:");
            metrics.forEach((key, v) -> line.append(String.format("  %s %.4f", key.toUpperCase(), v)));
            System.out.println(line);
        }
        System.out.printf("wrote %s (labels.csv, metrics.json, history.csv, steps.csv, graph.yaml) in %.1f s of training%n",
                dir, res.trainSeconds());
    }

    private String fingerprint(String graphYaml, MultiViewData data, int k) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(graphYaml.getBytes(StandardCharsets.UTF_8));
        d.update((data.name() + "|" + data.samples() + "|" + data.views().stream().map(v -> v.cols() + "").toList()
                + "|" + k + "|" + seed).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest());
    }

    /** Progress goes to stderr unless quiet. */
    private static final class PrintStreamHolder {
        final java.io.PrintStream stream;

        PrintStreamHolder(boolean quiet) {
            this.stream = quiet ? null : System.err;
        }

        void println(String s) {
            if (stream != null) {
                stream.println(s);
            }
        }
    }
}
