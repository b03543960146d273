package org.mvclust.runtime.cli;

import com.google.inject.Injector;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvclust.api.DatasetException;
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
    final int clusters;
    final String graphYaml;
    final List<Preprocess.Fitted> fitted;
    final Settings settings;

    /** Loads and validates everything before any training: graph, dataset, cluster count, preprocessing. */
    Experiment(Injector injector, String method, String dataset, List<Path> dataDirs, Integer clusters, Settings settings)
            throws DatasetException {
        this.registry = injector.getInstance(Registry.class);
        this.settings = settings;
        this.spec = injector.getInstance(GraphLoader.class).load(method, settings.overrides());
        this.data = injector.getInstance(DataResolver.class).load(dataset, dataDirs, spec.readerOptions(DataResolver.name(dataset)));
        int k = clusters != null ? clusters : data.classes();
        if (k < 2) {
            throw new ConfigException("dataset " + data.name() + " has no labels to count clusters from; pass --clusters K");
        }
        if (k > data.samples()) {
            throw new ConfigException("--clusters " + k + " is more than the " + data.samples() + " samples");
        }
        this.clusters = k;
        this.fitted = Preprocess.apply(spec.preprocess(), data.views());
        this.graphYaml = Yaml.toYaml(spec.tree());
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
        try (Model model = new ModelBuilder(spec, registry, clusters, seed).build(data.views())) {
            profile.add("graph build", System.nanoTime() - t0);
            Progress progress = new Progress(log, System.console() != null);
            Trainer trainer = new Trainer(model, spec, registry, data.samples(), clusters, data.labels(),
                    new Trainer.Options(seed, settings.threads(), dir.resolve("checkpoint.bin"), settings.checkpointEvery(),
                            settings.checkpointSeconds(), settings.resume(), settings.evalEvery(), progress, profile, settings.device()), fingerprint(seed));
            Trainer.Outcome res = trainer.run();
            long tw = System.nanoTime();
            Map<String, Object> m = write(dir, seed, res, profile);
            profile.add("writing results", System.nanoTime() - tw);
            return m;
        }
    }

    private Map<String, Object> write(Path dir, long seed, Trainer.Outcome res, Profile profile) throws IOException {
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
        m.put("overrides", settings.overrides());
        m.put("dataset", data.name());
        m.put("samples", data.samples());
        m.put("views", data.viewCount());
        m.put("clusters", clusters);
        m.put("seed", seed);
        m.put("threads", settings.threads());
        m.put("epochs", res.history().size());
        m.put("final_loss", res.finalLoss());
        m.put("train_seconds", res.trainSeconds());
        m.put("step_seconds", profile.seconds("training steps"));
        m.put("readout_seconds", res.readoutSeconds());
        m.put("train_gflop", res.trainFlops() / 1e9);
        m.put("peak_rss_mb", peakRssMb());
        m.put("metrics", data.hasLabels() ? Metrics.all(data.labels(), res.labels()) : Map.of());
        if (!res.report().isEmpty()) {
            m.put("report", res.report());
        }
        Outputs.write(dir.resolve("metrics.json"), Yaml.toJson(m));
        if (settings.plots()) { // a failure only prints a warning
            org.mvclust.runtime.report.Plots.writeRun(dir, spec.name() + " on " + data.name() + ", seed " + seed, res.history(),
                    res.embedding(), res.labels(), data.hasLabels() ? data.labels() : null);
        }
        return m;
    }

    private String fingerprint(long seed) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(graphYaml.getBytes(StandardCharsets.UTF_8));
        d.update((data.name() + "|" + data.samples() + "|" + data.views().stream().map(v -> v.cols() + "").toList()
                + "|" + clusters + "|" + seed).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest());
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
