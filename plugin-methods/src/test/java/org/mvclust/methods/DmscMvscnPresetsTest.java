package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;
import org.mvclust.runtime.train.Trainer;
import org.mvclust.testkit.TestData;

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

    /** Checks the phases' steps and trains briefly (dmsc's training phase on the whole set); returns the last step's losses. */
    private static Map<String, Object> check(String preset, List<String> sets, Map<String, List<String>> trains, List<String> parts) {
        Trainer.Outcome out = PresetCheck.run(REGISTRY, preset, sets, trains, parts,
                preset.equals("dmsc") ? Set.of("train") : Set.of());
        assertThat(java.util.Arrays.stream(out.labels()).distinct().count()).isGreaterThan(1);
        return PresetCheck.last(out);
    }

    private static double num(Map<String, Object> step, String name) {
        return ((Number) step.get(name)).doubleValue();
    }
}
