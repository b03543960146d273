package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.cli.Evaluation;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.data.Incomplete;
import org.mvclust.runtime.data.MissingViews;
import org.mvclust.runtime.data.Presence;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;
import org.mvclust.runtime.train.Progress;
import org.mvclust.runtime.train.Trainer;
import org.mvclust.testkit.TestData;

/** Presets and incomplete views: those that wire the mask train on it, the others refuse with a clear message. */
class IncompleteViewsTest {
    private static final Registry REGISTRY = PluginLoader.load(List.of());

    private static MultiViewData incomplete(double rate) {
        MultiViewData d = TestData.blobs(120, 3, 4, 6, 5, 4);
        Matrix mask = MissingViews.generate(d.samples(), d.viewCount(), rate, 1, "mcar", "test");
        return new MultiViewData(d.name(), d.viewNames(), Presence.markAbsent(d.views(), mask), d.labels());
    }

    private static Incomplete.Split split(String impute) {
        return new Incomplete.Split("blobs", new Incomplete.Spec(0, 0, "mcar", null, impute, 5), "");
    }

    @Test
    void presetsWithoutMasksRefuseIncompleteDataByName() {
        for (String preset : List.of("sdmvc", "dmsc", "nmode-mvc", "infoddc")) {
            GraphSpec spec = new GraphLoader(REGISTRY).load(preset, List.of());
            assertThatThrownBy(() -> Incomplete.prepare(incomplete(0.3), split("none"), spec))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("method '" + spec.name() + "' does not support missing views")
                    .hasMessageContaining("lacks 108 of 360 sample-view pairs")
                    .hasMessageContaining("impute=mean");
        }
    }

    @Test
    void imputedDataIsCompleteForEveryPreset() throws Exception {
        GraphSpec spec = new GraphLoader(REGISTRY).load("msdib", List.of());
        Incomplete.Prepared p = Incomplete.prepare(incomplete(0.3), split("mean"), spec);
        assertThat(p.mask()).isNull();
        assertThat(p.info()).containsEntry("impute", "mean").containsEntry("absent_pairs", 108L);
        for (Matrix m : p.data().views()) {
            for (float x : m.data()) {
                assertThat(Float.isFinite(x)).isTrue();
            }
        }
    }

    /** What an encoder makes of an absent row never reaches a masked preset's losses or read-out: same labels, bit for bit. */
    @Test
    void ddcIgnoresWhatTheAbsentRowsHold() throws Exception {
        GraphSpec spec = new GraphLoader(REGISTRY).load("ddc", List.of("enc.hidden=[32]", "latent=16",
                "phases.train.batch=40", "phases.train.epochs=5"));
        Incomplete.Prepared p = Incomplete.prepare(incomplete(0.3), split("none"), spec);
        assertThat(p.mask()).isNotNull();
        assertThat(p.info().get("masked_by")).isEqualTo(List.of("nodes.fusion"));
        assertIgnoresAbsentRows(spec, p);
    }

    /**
     * Every preset states in its header whether it masks missing views; those that take incomplete data ignore what
     * the absent rows hold (a part left unmasked would see the noise), the others refuse it.
     */
    @Test
    void everyPresetMasksAllItsPartsOrRefuses() throws Exception {
        List<String> masked = new java.util.ArrayList<>();
        for (String preset : new BuiltinPresets().presets()) {
            try (var in = new BuiltinPresets().open(preset)) {
                String header = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(header).as(preset).containsPattern("(?m)^# Missing views: (masked|not supported)");
            }
            GraphSpec full = new GraphLoader(REGISTRY).load(preset, List.of());
            Incomplete.Prepared p;
            try {
                p = Incomplete.prepare(incomplete(0.3), split("none"), full);
            } catch (ConfigException e) {
                assertThat(e).as(preset).hasMessageContaining("does not support missing views");
                continue;
            }
            masked.add(preset);
            List<String> shorter = new java.util.ArrayList<>(List.of("latent=16"));
            shorten(full.phases(), shorter);
            assertIgnoresAbsentRows(new GraphLoader(REGISTRY).load(preset, shorter), p);
        }
        assertThat(masked).containsExactlyInAnyOrder("ae-ddc", "ae-km", "ae-kmeans", "aecoddc", "aecokm", "bmvc", "comvc", "ddc", "dmac", "eamc", "msdib",
                "msdib-balanced", "simvc");
    }

    /** Two epochs (groups: two repeats) of batch 40 for every training phase. */
    private static void shorten(List<GraphSpec.PhaseSpec> phases, List<String> sets) {
        for (GraphSpec.PhaseSpec phase : phases) {
            if (phase.children() != null) {
                sets.add("phases." + phase.name() + ".repeat=2");
                shorten(phase.children(), sets);
            } else if (phase.epochs() > 0) {
                sets.add("phases." + phase.name() + ".epochs=2");
                sets.add("phases." + phase.name() + ".batch=40");
            }
        }
    }

    /** The check above can fail: comvc with its contrast's mask unwired sees the noise in the absent rows. */
    @Test
    void aPartLeftUnmaskedSeesTheAbsentRows() throws Exception {
        GraphSpec spec = new GraphLoader(REGISTRY).load("comvc", List.of("latent=16", "phases.train.epochs=2", "phases.train.batch=40",
                "losses.contrast.in={views: \"h[*]\", weights: w}"));
        Incomplete.Prepared p = Incomplete.prepare(incomplete(0.3), split("none"), spec);
        assertThat(p.info().get("masked_by")).isEqualTo(List.of("nodes.fusion"));
        assertThatThrownBy(() -> assertIgnoresAbsentRows(spec, p)).isInstanceOf(AssertionError.class);
    }

    /**
     * msdib's per-view heads need the mask too: their batch norm would take statistics over the absent rows. A larger
     * learning rate than the preset's makes a difference show in the labels of a short run.
     */
    @Test
    void msdibIgnoresTheAbsentRowsOnlyWithItsHeadsMasked() throws Exception {
        List<String> fast = List.of("latent=16", "phases.train.epochs=4", "phases.train.batch=40", "phases.train.optimizer.lr=0.01");
        GraphSpec spec = new GraphLoader(REGISTRY).load("msdib", fast);
        Incomplete.Prepared p = Incomplete.prepare(incomplete(0.3), split("none"), spec);
        assertIgnoresAbsentRows(spec, p);
        List<String> unmasked = new java.util.ArrayList<>(fast);
        unmasked.add("nodes.heads.in={x: h}");
        GraphSpec heads = new GraphLoader(REGISTRY).load("msdib", unmasked);
        Incomplete.Prepared q = Incomplete.prepare(incomplete(0.3), split("none"), heads);
        assertThat(q.info().get("masked_by")).isEqualTo(List.of("nodes.fusion", "losses.kl", "losses.mi_hh", "losses.mi_hs", "losses.mi_ys"));
        assertThatThrownBy(() -> assertIgnoresAbsentRows(heads, q)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("[msdib]");
    }

    /** bmvc's QR heads orthogonalise over the batch: with their mask unwired the absent rows move the present ones. */
    @Test
    void bmvcNeedsItsQrHeadsMasked() throws Exception {
        GraphSpec spec = new GraphLoader(REGISTRY).load("bmvc", List.of("latent=16", "phases.train.epochs=2", "phases.train.batch=40",
                "nodes.cluster.in={x: z}"));
        Incomplete.Prepared p = Incomplete.prepare(incomplete(0.3), split("none"), spec);
        assertThat(p.info().get("masked_by")).isEqualTo(List.of("nodes.fusion", "nodes.graph_x", "losses.recon", "losses.vcr"));
        assertThatThrownBy(() -> assertIgnoresAbsentRows(spec, p)).isInstanceOf(AssertionError.class).hasMessageContaining("[bmvc]");
    }

    /** dmac's per-view standardisation takes batch statistics: with its mask unwired the absent rows move the anchors. */
    @Test
    void dmacNeedsItsStandardisationMasked() throws Exception {
        GraphSpec spec = new GraphLoader(REGISTRY).load("dmac", List.of("latent=16", "phases.train.epochs=2", "nodes.norm.in={x: h}"));
        Incomplete.Prepared p = Incomplete.prepare(incomplete(0.3), split("none"), spec);
        assertThat(p.info().get("masked_by")).isEqualTo(List.of("nodes.fusion", "nodes.graph", "losses.al", "losses.sp"));
        assertThatThrownBy(() -> assertIgnoresAbsentRows(spec, p)).isInstanceOf(AssertionError.class).hasMessageContaining("[dmac]");
    }

    private static void assertIgnoresAbsentRows(GraphSpec spec, Incomplete.Prepared p) {
        int[] zeros = train(spec, p.data().views(), p.mask(), p.data());
        java.util.Random rng = new java.util.Random(9);
        List<Matrix> noisy = new java.util.ArrayList<>();
        for (int v = 0; v < p.data().viewCount(); v++) {
            Matrix m = p.data().views().get(v);
            float[] x = m.data().clone();
            for (int i = 0; i < m.rows(); i++) {
                for (int c = 0; c < m.cols() && p.mask().get(i, v) == 0f; c++) {
                    x[i * m.cols() + c] = (float) rng.nextGaussian() * 10;
                }
            }
            noisy.add(new Matrix(m.rows(), m.cols(), x));
        }
        assertThat(noisy).isNotEqualTo(p.data().views());
        int[] noise = train(spec, noisy, p.mask(), p.data());
        assertThat(noise).as(spec.name()).containsExactly(zeros);
        assertThat(java.util.Arrays.stream(zeros).distinct().count()).isGreaterThan(1);
    }

    private static int[] train(GraphSpec spec, List<Matrix> views, Matrix mask, MultiViewData data) {
        try (Model model = new ModelBuilder(spec, REGISTRY, 3, 1).build(views, mask)) {
            return new Trainer(model, spec, REGISTRY, data.samples(), 3,
                    new Trainer.Options(1, 1, null, 0, false, 0, new Progress(null, false)), "fp",
                    List.of(new Evaluation(data.labels()))).run().labels();
        }
    }
}
