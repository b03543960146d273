package org.mvclust.runtime.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvclust.api.DatasetException;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.api.Preprocessor;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.Yaml;
import org.mvclust.runtime.data.DataResolver;
import org.mvclust.runtime.eval.MetricSet;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.plugin.Kind;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;
import org.mvclust.runtime.train.Progress;
import org.mvclust.runtime.train.Trainer;

/**
 * mvclust embedded in a JVM application: load data (or pass arrays), train a preset or graph file by name with
 * overrides, and label new samples with the model a run wrote. The same discovery, graph loader, trainer and model
 * directory as the command line.
 */
public final class Mvclust {
    private final Registry registry;
    private final GraphLoader graphs;
    private final DataResolver datasets;
    private final Predictor predictor;
    private int threads = 1;

    private Mvclust(Registry registry) {
        this.registry = registry;
        this.graphs = new GraphLoader(registry);
        this.datasets = new DataResolver(registry);
        this.predictor = new Predictor(registry);
    }

    /** The built-in components and presets, plus the plugin jars in {@code pluginDirs}. */
    public static Mvclust create(Path... pluginDirs) {
        return new Mvclust(PluginLoader.load(List.of(pluginDirs)));
    }

    /** TensorFlow threads for training and prediction (default 1). */
    public Mvclust threads(int n) {
        if (n < 1) {
            throw new ConfigException("threads must be at least 1, got " + n);
        }
        this.threads = n;
        return this;
    }

    /** A dataset by name or path, as {@code --dataset} takes it, read from {@code dataDir}. */
    public MultiViewData load(String dataset, Path dataDir) throws DatasetException {
        return datasets.load(dataset, List.of(dataDir));
    }

    /** Views given as arrays (samples × features each); {@code labels} may be null. */
    public static MultiViewData data(String name, List<float[][]> views, int[] labels) {
        List<Matrix> ms = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (float[][] v : views) {
            int d = v.length == 0 ? 0 : v[0].length;
            float[] flat = new float[v.length * d];
            for (int i = 0; i < v.length; i++) {
                if (v[i].length != d) {
                    throw new ConfigException(name + ": view " + ms.size() + " row " + i + " has " + v[i].length + " values, row 0 has " + d);
                }
                System.arraycopy(v[i], 0, flat, i * d, d);
            }
            ms.add(new Matrix(v.length, d, flat));
            names.add("view" + ms.size());
        }
        return new MultiViewData(name, names, ms, labels);
    }

    /** A trained run: its labels for the training samples and its model directory. */
    public record Trained(int[] labels, Path model) {
    }

    /**
     * Trains {@code method} (a preset name or a graph file) on {@code data} with {@code overrides} ("key=value", as
     * {@code --set}) into {@code modelDir}; {@code clusters} null means the number of classes in the labels.
     */
    public Trained train(String method, MultiViewData data, List<String> overrides, Integer clusters, long seed, Path modelDir) {
        GraphSpec spec = graphs.load(method, overrides);
        int k = clusters != null ? clusters : data.classes();
        if (k < 2 || k > data.samples()) {
            throw new ConfigException("clusters: need 2 to " + data.samples() + " (the samples), got " + k
                    + (clusters == null ? " from the labels; pass the number of clusters" : ""));
        }
        Preprocessor pre = registry.get(Kind.PREPROCESSOR, spec.preprocess(), spec.source() + ": dataset.preprocess");
        List<Matrix> views = new ArrayList<>();
        List<Map<String, Object>> fitted = new ArrayList<>();
        for (int v = 0; v < data.viewCount(); v++) {
            Matrix x = data.views().get(v);
            Matrix copy = new Matrix(x.rows(), x.cols(), x.data().clone());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("view", data.viewNames().get(v));
            row.put("method", spec.preprocess());
            row.putAll(pre.apply(copy));
            fitted.add(row);
            views.add(copy);
        }
        ModelWriter.Source src = new ModelWriter.Source(data.name(), data.samples(), data.viewNames(),
                data.views().stream().map(Matrix::cols).toList(), fitted);
        String graphYaml = Yaml.toYaml(spec.tree());
        try (Model model = new ModelBuilder(spec, registry, k, seed).build(views)) {
            Trainer trainer = new Trainer(model, spec, registry, data.samples(), k,
                    new Trainer.Options(seed, threads, null, 0, false, 0, new Progress(null, false)), "", List.of());
            trainer.atEnd((session, input, labels) -> ModelWriter.write(modelDir, session, model, spec, graphYaml, src, k, seed,
                    input, labels));
            return new Trained(trainer.run().labels(), modelDir);
        }
    }

    /** Labels {@code data} with the model in {@code modelDir}, checked first (format, checksums, views). */
    public Predictor.Prediction predict(Path modelDir, MultiViewData data) {
        return predictor.predict(ModelFiles.open(modelDir), data, new Predictor.Options(threads, 8192, null), true);
    }

    /** Writes the model in {@code modelDir} as a TensorFlow SavedModel into {@code out} (see {@link SavedModelExport}). */
    public void exportSavedModel(Path modelDir, Path out) throws java.io.IOException {
        SavedModelExport.export(registry, ModelFiles.open(modelDir), out, threads);
    }

    /** ACC, NMI, ARI, purity and F-score of {@code labels} against the true classes. */
    public static Map<String, Double> metrics(int[] truth, int[] labels) {
        return MetricSet.standard().all(truth, labels);
    }
}
