package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.cli.Evaluation;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.graph.StateVar;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;
import org.mvclust.runtime.train.Progress;
import org.mvclust.runtime.train.Trainer;
import org.mvclust.testkit.TestData;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** The multi-vae preset, small, on seeded blobs scaled to [0, 1]: what a step changes, the capacity count, a short run. */
class MultiVaePresetTest {
    private static final Registry REGISTRY = PluginLoader.load(List.of());
    private static final List<String> SMALL = List.of("enc.hidden=[16]", "latent=16", "hidden=16", "cont_dim=3", "dec.hidden=[16]",
            "phases.train.epochs=2", "phases.train.batch=20");

    @Test
    void aStepTrainsEveryNetworkAndCountsItselfInTheCapacityTerms() {
        MultiViewData data = scaled(TestData.blobs(60, 3, 4, 6, 5));
        GraphSpec spec = new GraphLoader(REGISTRY).load("multi-vae", SMALL);
        try (Model model = new ModelBuilder(spec, REGISTRY, 3, 1).build(data.views());
             Session session = new Session(model.graph())) {
            StepProbe.initialise(session, model);
            Model.Step step = model.steps().get("train").get(0);
            assertThat(step.lossNames()).containsExactly("kl_cont", "kl_disc", "recon", "total");
            Set<String> changed = StepProbe.changedBy(session, model, step, 20);
            for (String part : List.of("enc_0.", "enc_1.", "hid_0.", "hid_1.", "cont_0.", "cont_1.", "alpha.", "feat_0.",
                    "feat_1.", "dec_0.", "dec_1.")) {
                assertThat(changed.stream().anyMatch(n -> n.startsWith(part))).as(part).isTrue();
            }
            assertThat(changed).contains("kl_cont_0.steps_taken", "kl_cont_1.steps_taken", "kl_disc.steps_taken");
            StepProbe.changedBy(session, model, step, 20);
            assertThat(value(session, model, "kl_disc.steps_taken")).isEqualTo(2f);
        }
    }

    @Test
    void aShortScheduleTrainsWithFiniteLossesToAReadoutOfEverySample() {
        MultiViewData data = scaled(TestData.blobs(60, 3, 4, 6, 5));
        GraphSpec spec = new GraphLoader(REGISTRY).load("multi-vae", SMALL);
        Trainer.Outcome out;
        try (Model model = new ModelBuilder(spec, REGISTRY, 3, 1).build(data.views())) {
            assertThat(model.readout().shape().size(1)).as("one-hot of 3 clusters beside 2 views' means of 3").isEqualTo(9);
            out = new Trainer(model, spec, REGISTRY, data.samples(), 3,
                    new Trainer.Options(1, 2, null, 0, false, 0, new Progress(null, false)), "fp",
                    List.of(new Evaluation(data.labels()))).run();
        }
        assertThat(out.steps()).hasSize(6);
        for (Map<String, Object> s : out.steps()) {
            s.forEach((k, v) -> {
                if (v instanceof Double d) {
                    assertThat(d).as(k).isFinite();
                }
            });
            assertThat((Double) s.get("recon")).isPositive();
        }
        assertThat(out.finalLoss()).isFinite();
        assertThat(out.labels()).hasSize(60);
    }

    /** The built-in variable the discrete term's scale reads: the views' input widths summed (6 + 5). */
    @Test
    void totalDimIsTheSumOfTheViewsWidths() {
        MultiViewData data = scaled(TestData.blobs(20, 3, 4, 6, 5));
        List<String> sets = new ArrayList<>(SMALL);
        sets.add("alpha.params.out=${total_dim}");
        GraphSpec spec = new GraphLoader(REGISTRY).load("multi-vae", sets);
        try (Model model = new ModelBuilder(spec, REGISTRY, 3, 1).build(data.views())) {
            assertThat(model.tensors().get("alpha").shape().size(1)).isEqualTo(11);
        }
    }

    /** full.yaml's overrides for the MNIST sets: cnn_small encoders, a 1024-d decoder input, cnn_small_decoder. */
    @Test
    void theCnnVariantOfTheFullProtocolTrainsAStep() {
        MultiViewData data = scaled(TestData.blobs(8, 2, 3, 784, 784));
        GraphSpec spec = new GraphLoader(REGISTRY).load("multi-vae", List.of("enc=cnn", "enc.params={layers: cnn_small}",
                "latent=1024", "dec=cnn_decoder", "dec.params={out: \"${dim}\"}"));
        try (Model model = new ModelBuilder(spec, REGISTRY, 2, 1).build(data.views());
             Session session = new Session(model.graph())) {
            StepProbe.initialise(session, model);
            assertThat(model.tensors().get("h.0").shape().size(1)).isEqualTo(1024);
            assertThat(model.tensors().get("xhat.1").shape().size(1)).isEqualTo(784);
            Set<String> changed = StepProbe.changedBy(session, model, model.steps().get("train").get(0), 8);
            assertThat(changed).anyMatch(n -> n.startsWith("enc_1.")).anyMatch(n -> n.startsWith("dec_1."));
        }
    }

    /** Each view min-max scaled per column, as the preset's preprocessing does: the BCE targets lie in [0, 1]. */
    private static MultiViewData scaled(MultiViewData d) {
        List<Matrix> views = new ArrayList<>();
        for (Matrix m : d.views()) {
            Matrix s = Matrix.zeros(m.rows(), m.cols());
            for (int j = 0; j < m.cols(); j++) {
                float lo = Float.POSITIVE_INFINITY;
                float hi = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < m.rows(); i++) {
                    lo = Math.min(lo, m.get(i, j));
                    hi = Math.max(hi, m.get(i, j));
                }
                for (int i = 0; i < m.rows(); i++) {
                    s.set(i, j, (m.get(i, j) - lo) / (hi - lo));
                }
            }
            views.add(s);
        }
        return new MultiViewData(d.name(), d.viewNames(), views, d.labels());
    }

    private static float value(Session session, Model model, String name) {
        StateVar v = model.state().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        try (Result r = session.runner().fetch(v.variable()).run()) {
            float[] x = new float[1];
            ((TFloat32) r.get(0)).copyTo(DataBuffers.of(x, false, false));
            return x[0];
        }
    }
}
