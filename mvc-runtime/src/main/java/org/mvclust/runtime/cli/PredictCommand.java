package org.mvclust.runtime.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.Yaml;
import org.mvclust.runtime.data.DataResolver;
import org.mvclust.runtime.eval.MetricSet;
import org.mvclust.runtime.model.ModelFiles;
import org.mvclust.runtime.model.Predictor;
import org.mvclust.runtime.plugin.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mvclust predict}: label new samples with a run's model directory. */
@Command(name = "predict", description = "Label the samples of a dataset with a trained model (a run's OUT/model), without refitting.")
public final class PredictCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model directory (OUT/model of a run).")
    Path model;

    @Option(names = {"-d", "--dataset"}, required = true, description = "NAME[:key=value,...] or a file path, with the model's views.")
    String dataset;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: predictions/DATASET).")
    Path out;

    @Option(names = "--soft", description = "Also write soft.csv, the soft assignment (argmax readouts only).")
    boolean soft;

    @Option(names = "--embedding", description = "Also write embedding.csv (the fusion node's output, else the readout's input).")
    boolean embedding;

    @Option(names = "--batch", defaultValue = "8192", description = "Samples per evaluation batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Mixin
    ComputeOptions compute;

    private final Registry registry;
    private final DataResolver datasets;
    private final MetricSet metrics;

    @Inject
    PredictCommand(Registry registry, DataResolver datasets, MetricSet metrics) {
        this.registry = registry;
        this.datasets = datasets;
        this.metrics = metrics;
    }

    @Override
    public Integer call() throws Exception {
        RunChecks.threads(compute.threads);
        if (batch < 1) {
            throw new org.mvclust.runtime.ConfigException("--batch must be at least 1, got " + batch);
        }
        ModelFiles m = ModelFiles.open(model);
        Predictor predictor = new Predictor(registry);
        GraphSpec spec = predictor.spec(m);
        MultiViewData data = datasets.load(dataset, dataDir.dirs(), spec.readerOptions(DataResolver.name(dataset)));
        Predictor.checkViews(m, data);
        if (soft && !m.readoutType().equals("argmax")) {
            throw new org.mvclust.runtime.ConfigException("--soft: this model's readout is " + m.readoutType()
                    + ", which gives no soft assignment (argmax readouts do)");
        }
        Path dir = RunChecks.out(out != null ? out : Path.of("predictions", data.name().replaceAll("[^A-Za-z0-9_.=-]", "_")), dataset);
        java.io.PrintStream log = compute.log();
        if (log != null) {
            log.println("mvclust predict: " + m.method() + " model on " + data.name() + " (" + data.samples() + " samples) -> " + dir);
        }
        Predictor.Prediction p = predictor.predict(m, data, new Predictor.Options(compute.threads, batch, log), embedding);
        write(dir, data, p);
        System.out.println("wrote " + dir);
        return 0;
    }

    private void write(Path dir, MultiViewData data, Predictor.Prediction p) throws java.io.IOException {
        StringBuilder labels = new StringBuilder(data.hasLabels() ? "sample,cluster,class\n" : "sample,cluster\n");
        for (int i = 0; i < p.labels().length; i++) {
            labels.append(i).append(',').append(p.labels()[i]);
            if (data.hasLabels()) {
                labels.append(',').append(data.labels()[i]);
            }
            labels.append('\n');
        }
        Outputs.write(dir.resolve("labels.csv"), labels.toString());
        if (soft) {
            Outputs.write(dir.resolve("soft.csv"), matrix(p.soft(), "p"));
        }
        if (embedding) {
            Outputs.write(dir.resolve("embedding.csv"), matrix(p.embedding(), "e"));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model.toString());
        m.put("dataset", data.name());
        m.put("samples", data.samples());
        m.put("embedding_tensor", p.embeddingTensor());
        m.put("metrics", data.hasLabels() ? metrics.all(data.labels(), p.labels()) : Map.of());
        Outputs.write(dir.resolve("metrics.json"), Yaml.toJson(m));
        if (data.hasLabels()) {
            StringBuilder line = new StringBuilder("result:");
            ((Map<?, ?>) m.get("metrics")).forEach((k, v) -> line.append(String.format(java.util.Locale.ROOT, "  %s %.4f",
                    k.toString().toUpperCase(), (Double) v)));
            System.out.println(line);
        }
    }

    static String matrix(Matrix x, String prefix) {
        StringBuilder s = new StringBuilder("sample");
        for (int j = 0; j < x.cols(); j++) {
            s.append(',').append(prefix).append(j);
        }
        s.append('\n');
        for (int i = 0; i < x.rows(); i++) {
            s.append(i);
            for (int j = 0; j < x.cols(); j++) {
                s.append(',').append(x.get(i, j));
            }
            s.append('\n');
        }
        return s.toString();
    }
}
