package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.model.Mvclust;
import org.mvclust.runtime.model.Predictor;
import org.mvclust.testkit.TestData;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The exported SavedModel, loaded and run with TensorFlow's own loader (no mvclust class between the raw views and the
 * labels), gives the labels {@code predict} gives on the same samples; for a k-means and an argmax readout.
 */
class SavedModelTest {
    @TempDir
    Path tmp;

    private final Mvclust mv = Mvclust.create();

    @Test
    void kMeansReadout() throws Exception {
        MultiViewData all = TestData.blobs(150, 3, 5, 6, 5);
        MultiViewData train = PredictTest.rows(all, 0, 120);
        MultiViewData rest = PredictTest.rows(all, 120, 150);
        Mvclust.Trained t = mv.train("ae-kmeans", train, List.of("phases.pretrain.epochs=3", "enc.hidden=[16]", "dec.hidden=[16]"),
                null, 2, tmp.resolve("m"));
        sameLabels(t.model(), rest, false);
    }

    @Test
    void argmaxReadoutWithSoftAssignments() throws Exception {
        MultiViewData data = TestData.blobs(90, 3, 4, 6, 5);
        Mvclust.Trained t = mv.train("ddc", data, List.of("enc.hidden=[32]", "latent=16", "phases.train.batch=30",
                "phases.train.epochs=3"), 3, 1, tmp.resolve("d"));
        sameLabels(t.model(), data, true);
    }

    /** dmac sizes its anchors by the sample count: a model trained on 60 samples still predicts and exports for 15. */
    @Test
    void aModelSizedByItsSampleCountServesOtherCounts() throws Exception {
        MultiViewData all = TestData.blobs(75, 3, 6, 6, 5);
        Mvclust.Trained t = mv.train("dmac", PredictTest.rows(all, 0, 60), List.of("phases.train.epochs=3"), null, 0, tmp.resolve("dm"));
        sameLabels(t.model(), PredictTest.rows(all, 60, 75), false);
    }

    /** nmode-mvc's readout reads buffer R, the scaled codes: with colnorm's kept statistics it is computed in the graph. */
    @Test
    void aReadoutOfAStoredBufferIsComputedInTheGraph() throws Exception {
        MultiViewData all = TestData.blobs(80, 3, 2, 5, 4);
        Mvclust.Trained t = PredictTest.nmode(PredictTest.rows(all, 0, 60), tmp.resolve("nm"));
        sameLabels(t.model(), PredictTest.rows(all, 60, 80), true);
    }

    private void sameLabels(Path model, MultiViewData data, boolean soft) throws Exception {
        Predictor.Prediction p = mv.predict(model, data);
        Path saved = tmp.resolve("saved-" + model.getFileName());
        mv.exportSavedModel(model, saved);
        try (SavedModelBundle b = SavedModelBundle.load(saved.toString(), "serve")) {
            Map<String, Tensor> in = new LinkedHashMap<>();
            for (int v = 0; v < data.viewCount(); v++) {
                Matrix x = data.views().get(v);
                in.put("view" + v, TFloat32.tensorOf(Shape.of(x.rows(), x.cols()), DataBuffers.of(x.data(), true, false)));
            }
            try (Result r = b.function("serving_default").call(in)) {
                TInt64 c = (TInt64) r.get("cluster").orElseThrow();
                int[] labels = new int[data.samples()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = (int) c.getLong(i);
                }
                assertThat(labels).isEqualTo(p.labels());
                TFloat32 e = (TFloat32) r.get("embedding").orElseThrow();
                assertThat(e.shape().size(1)).isEqualTo(p.embedding().cols());
                assertThat(e.getFloat(0, 0)).isCloseTo(p.embedding().get(0, 0), org.assertj.core.data.Offset.offset(1e-4f));
                assertThat(r.get("soft").isPresent()).isEqualTo(soft);
            } finally {
                in.values().forEach(Tensor::close);
            }
        }
    }
}
