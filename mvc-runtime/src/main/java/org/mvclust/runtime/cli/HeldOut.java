package org.mvclust.runtime.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.eval.MetricSet;
import org.mvclust.runtime.model.ModelFiles;
import org.mvclust.runtime.model.Predictor;
import org.mvclust.runtime.model.Split;
import org.mvclust.runtime.plugin.Registry;

/**
 * The held-back samples of a split run, labelled by the run's model: held_out_labels.csv and their metrics; and, to
 * compare the two labellings, the training samples labelled by the model ({@code train_by_model}).
 */
final class HeldOut {
    private HeldOut() {
    }

    static Map<String, Object> evaluate(Registry registry, MetricSet metrics, Path dir, Split split, int threads) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("samples", split.held().samples());
        out.put("train_samples", split.train().samples());
        out.put("split_seed", split.seed());
        Predictor.Prediction p;
        Predictor.Prediction inSample;
        try {
            ModelFiles model = ModelFiles.open(dir.resolve("model"));
            Predictor.Options opt = new Predictor.Options(threads, 8192, null);
            p = new Predictor(registry).predict(model, split.held(), opt, false);
            inSample = new Predictor(registry).predict(model, split.train(), opt, false);
        } catch (ConfigException e) { // a transductive readout: the run stands, its held-back part says why it has no labels
            out.put("refused", e.getMessage());
            out.put("metrics", Map.of());
            return out;
        }
        boolean labelled = split.held().hasLabels();
        StringBuilder csv = new StringBuilder(labelled ? "sample,cluster,class\n" : "sample,cluster\n");
        for (int i = 0; i < p.labels().length; i++) {
            csv.append(split.heldRows()[i]).append(',').append(p.labels()[i]);
            if (labelled) {
                csv.append(',').append(split.held().labels()[i]);
            }
            csv.append('\n');
        }
        Outputs.write(dir.resolve("held_out_labels.csv"), csv.toString());
        out.put("metrics", labelled ? metrics.all(split.held().labels(), p.labels()) : Map.of());
        out.put("train_by_model", labelled ? metrics.all(split.train().labels(), inSample.labels()) : Map.of());
        return out;
    }
}
