package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.model.Mvclust;
import org.mvclust.runtime.model.Predictor;
import org.mvclust.testkit.TestData;

/** Train through the Java API, then label samples with the stored model: the same labels in sample, a sensible held-out labelling, clear refusals. */
class PredictTest {
    @TempDir
    Path tmp;

    private final Mvclust mv = Mvclust.create();

    @Test
    void aKMeansReadoutModelLabelsItsTrainingSamplesAsTheRunDidAndNewSamplesByTheStoredCentroids() {
        MultiViewData all = TestData.blobs(200, 3, 7, 6, 5);
        MultiViewData train = rows(all, 0, 160);
        Mvclust.Trained t = mv.train("ae-kmeans", train, List.of("phases.pretrain.epochs=5", "enc.hidden=[32]",
                "dec.hidden=[32]"), null, 3, tmp.resolve("m"));
        Predictor.Prediction same = mv.predict(t.model(), train);
        assertThat(same.labels()).isEqualTo(t.labels());
        assertThat(same.soft()).isNull();
        assertThat(same.embedding().cols()).isEqualTo(20); // two views' 10-wide codes, concatenated
        MultiViewData rest = rows(all, 160, 200);
        Predictor.Prediction held = mv.predict(t.model(), rest);
        assertThat(Mvclust.metrics(rest.labels(), held.labels()).get("acc")).isGreaterThan(0.9);
    }

    @Test
    void anArgmaxReadoutModelGivesTheRunsLabelsAndSoftAssignments() {
        MultiViewData data = TestData.blobs(120, 3, 4, 6, 5);
        Mvclust.Trained t = mv.train("ddc", data, List.of("enc.hidden=[64]", "latent=32", "phases.train.batch=40",
                "phases.train.epochs=10"), 3, 1, tmp.resolve("ddc"));
        Predictor.Prediction p = mv.predict(t.model(), data);
        assertThat(p.labels()).isEqualTo(t.labels());
        assertThat(p.soft().cols()).isEqualTo(3);
        assertThat(p.soft().get(0, 0) + p.soft().get(0, 1) + p.soft().get(0, 2)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    }

    /**
     * nmode-mvc reads a buffer that a store fills with codes min-max scaled per column: the model scales by the
     * statistics kept at that store, so it gives the run's labels again, and a sample alone gets the label it gets
     * among the others.
     */
    @Test
    void aBufferOnTheReadoutsPathIsTheStoredTensorAndASampleAloneGetsItsLabel() {
        MultiViewData data = TestData.blobs(60, 3, 2, 5, 4);
        Mvclust.Trained t = nmode(data, tmp.resolve("nm"));
        assertThat(mv.predict(t.model(), data).labels()).isEqualTo(t.labels());
        int[] alone = new int[8];
        int[] among = java.util.Arrays.copyOf(t.labels(), alone.length);
        for (int i = 0; i < alone.length; i++) {
            alone[i] = mv.predict(t.model(), rows(data, i, i + 1)).labels()[0];
        }
        assertThat(java.util.Arrays.stream(among).distinct().count()).as("the samples span several clusters").isGreaterThan(1);
        assertThat(alone).isEqualTo(among);
    }

    /** A model without the kept statistics its graph builds (as written before colnorm kept them) is refused. */
    @Test
    void aModelLackingAVariableOfItsGraphIsRefused() throws Exception {
        Mvclust.Trained t = nmode(TestData.blobs(40, 2, 2, 5, 4), tmp.resolve("old"));
        StaleModel.drop(t.model(), "rscale.");
        assertThatThrownBy(() -> mv.predict(t.model(), TestData.blobs(40, 2, 2, 5, 4))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not match its graph").hasMessageContaining("'rscale.lo' [1, 8]")
                .hasMessageContaining("lacks it");
        assertThatThrownBy(() -> mv.exportSavedModel(t.model(), tmp.resolve("saved"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rscale.lo");
        assertThat(tmp.resolve("saved")).doesNotExist();
    }

    static Mvclust.Trained nmode(MultiViewData data, Path out) {
        return Mvclust.create().train("nmode-mvc", data, List.of("enc.hidden=[16]", "dec.hidden=[16]", "latent=4",
                "phases.pretrain.epochs=2", "phases.rounds.repeat=1", "phases.rounds.phases.ode-fit.epochs=2",
                "phases.rounds.phases.finetune.epochs=2", "nmode.neurons=8"), null, 0, out);
    }

    @Test
    void aTamperedOrMismatchedModelIsRefusedBeforeAnyWork() throws Exception {
        MultiViewData data = TestData.blobs(60, 2, 1, 4, 3);
        Mvclust.Trained t = mv.train("ae-kmeans", data, List.of("phases.pretrain.epochs=1", "enc.hidden=[8]", "dec.hidden=[8]"),
                null, 0, tmp.resolve("small"));
        MultiViewData wide = TestData.blobs(60, 2, 1, 4, 5);
        assertThatThrownBy(() -> mv.predict(t.model(), wide)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("view 1").hasMessageContaining("has 5 columns").hasMessageContaining("has 3");
        assertThatThrownBy(() -> mv.predict(t.model(), TestData.blobs(60, 2, 1, 4))).hasMessageContaining("1 views")
                .hasMessageContaining("trained on 2");
        Path vars = t.model().resolve("variables.bin");
        byte[] b = Files.readAllBytes(vars);
        b[b.length / 2] ^= 1;
        Files.write(vars, b);
        assertThatThrownBy(() -> mv.predict(t.model(), data)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("variables.bin").hasMessageContaining("does not match its checksum");
        Files.delete(t.model().resolve("manifest.json"));
        assertThatThrownBy(() -> mv.predict(t.model(), data)).hasMessageContaining("not a model directory");
    }

    @Test
    void aTransductiveReadoutIsRefusedWithItsReason() {
        MultiViewData data = TestData.blobs(60, 2, 1, 4, 3);
        Mvclust.Trained t = mv.train("kmeans-concat", data, List.of(), null, 0, tmp.resolve("kc"));
        assertThatThrownBy(() -> mv.predict(t.model(), data)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot label new samples").hasMessageContaining("buffer.L")
                .hasMessageContaining("k-means over the training samples");
    }

    @Test
    void aReadoutOfPerTrainingSampleValuesIsRefused() {
        MultiViewData data = TestData.blobs(40, 2, 1, 4, 3);
        Mvclust.Trained t = mv.train("dmsc", data, List.of("latent=8", "phases.pretrain.epochs=1", "phases.train.epochs=1"), null, 0,
                tmp.resolve("dmsc"));
        assertThatThrownBy(() -> mv.predict(t.model(), rows(data, 0, 10))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot label new samples").hasMessageContaining("sample_index");
        assertThatThrownBy(() -> mv.exportSavedModel(t.model(), tmp.resolve("dmsc-saved"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("sample_index");
    }

    static MultiViewData rows(MultiViewData d, int from, int to) {
        List<Matrix> views = new ArrayList<>();
        for (Matrix m : d.views()) {
            float[] x = java.util.Arrays.copyOfRange(m.data(), from * m.cols(), to * m.cols());
            views.add(new Matrix(to - from, m.cols(), x));
        }
        return new MultiViewData(d.name(), d.viewNames(), views, java.util.Arrays.copyOfRange(d.labels(), from, to));
    }
}
