package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.cli.Evaluation;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;
import org.mvclust.runtime.train.Progress;
import org.mvclust.runtime.train.Trainer;
import org.mvclust.testkit.TestData;
import org.tensorflow.Session;

/**
 * The dmsc and mvscn presets, small, on seeded blobs: one step of each phase changes the parts that phase trains
 * and no others, and a short schedule trains with finite losses to a read-out of every sample.
 */
class DmscMvscnPresetsTest {
    private static final Registry REGISTRY = PluginLoader.load(List.of());

    @Test
    void dmsc() {
        Map<String, Object> last = check("dmsc", List.of("latent=8", "enc.hidden=[12]", "dec.hidden=[12]"),
                Map.of("pretrain", List.of("enc_0.", "enc_1.", "dec_0.", "dec_1."),
                        "train", List.of("enc_0.", "enc_1.", "dec_0.", "dec_1.", "self.")),
                List.of("enc_0.", "enc_1.", "dec_0.", "dec_1.", "self."));
        assertThat(num(last, "coef")).isPositive();
        assertThat(num(last, "selfexp")).isPositive();
    }

    @Test
    void mvscn() {
        Map<String, Object> last = check("mvscn", List.of("latent=8", "enc.hidden=[12]", "siam.hidden=[12]"),
                Map.of("siamese", List.of("siam_0.", "siam_1."),
                        "train", List.of("enc_0.", "enc_1.", "head_0.", "head_1.", "ort_0.", "ort_1.")),
                List.of("siam_0.", "siam_1.", "siam_head_0.", "siam_head_1.", "enc_0.", "enc_1.", "head_0.", "head_1.", "ort_0.", "ort_1."));
        assertThat(num(last, "spectral")).isPositive();
        assertThat(num(last, "agree")).isPositive();
    }

    @Test
    void dmscRefusesMoreSamplesThanItsLimit() {
        MultiViewData data = TestData.blobs(60, 3, 4, 6, 5);
        GraphSpec spec = new GraphLoader(REGISTRY).load("dmsc", List.of("self.max_samples=50"));
        assertThatThrownBy(() -> new ModelBuilder(spec, REGISTRY, 3, 1).build(data.views()).close())
                .hasMessageContaining("60 samples").hasMessageContaining("max_samples = 50");
    }

    /** Checks the phases' steps and trains briefly; returns the last step's logged losses. */
    private static Map<String, Object> check(String preset, List<String> sets, Map<String, List<String>> trains, List<String> parts) {
        MultiViewData data = TestData.blobs(60, 3, 4, 6, 5);
        List<String> all = new ArrayList<>(sets);
        for (String phase : trains.keySet()) {
            all.add("phases." + phase + ".epochs=2");
            if (!(preset.equals("dmsc") && phase.equals("train"))) {
                all.add("phases." + phase + ".batch=20");
            }
        }
        GraphSpec spec = new GraphLoader(REGISTRY).load(preset, all);
        try (Model model = new ModelBuilder(spec, REGISTRY, 3, 1).build(data.views());
             Session session = new Session(model.graph())) {
            StepProbe.initialise(session, model);
            assertThat(model.steps().keySet()).containsExactlyInAnyOrderElementsOf(trains.keySet());
            trains.forEach((phase, expected) -> {
                Set<String> changed = StepProbe.changedBy(session, model, model.steps().get(phase).get(0), 20);
                for (String part : parts) {
                    boolean moved = changed.stream().anyMatch(n -> n.startsWith(part));
                    assertThat(moved).as(preset + " " + phase + " changes " + part + " (changed: " + changed + ")")
                            .isEqualTo(expected.contains(part));
                }
            });
        }
        Trainer.Outcome out;
        try (Model model = new ModelBuilder(spec, REGISTRY, 3, 1).build(data.views())) {
            out = new Trainer(model, spec, REGISTRY, data.samples(), 3,
                    new Trainer.Options(1, 2, null, 0, false, 0, new Progress(null, false)), "fp",
                    List.of(new Evaluation(data.labels()))).run();
        }
        assertThat(out.steps()).isNotEmpty();
        for (Map<String, Object> s : out.steps()) {
            s.forEach((k, v) -> {
                if (v instanceof Double d) {
                    assertThat(d).as(preset + " " + k).isFinite();
                }
            });
        }
        assertThat(out.finalLoss()).isFinite();
        assertThat(out.labels()).hasSize(60);
        assertThat(java.util.Arrays.stream(out.labels()).distinct().count()).isGreaterThan(1);
        return out.steps().get(out.steps().size() - 1);
    }

    private static double num(Map<String, Object> step, String name) {
        return ((Number) step.get(name)).doubleValue();
    }
}
