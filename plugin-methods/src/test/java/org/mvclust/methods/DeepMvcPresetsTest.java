package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;

/**
 * DeepMVC's methods as presets, small, on seeded blobs: one step of each phase changes the parts that phase trains and
 * no others, and a short schedule trains with finite losses to a read-out of every sample.
 */
class DeepMvcPresetsTest {
    private static final Registry REGISTRY = PluginLoader.load(List.of());
    private static final List<String> SMALL_DDC = List.of("latent=8", "enc.hidden=[12]");
    private static final List<String> SMALL_AE = List.of("enc.hidden=[12]", "latent=8", "dec.hidden=[12]");

    @Test
    void simvc() {
        check("simvc", SMALL_DDC, Map.of("train", List.of("enc_0.", "enc_1.", "fusion.", "ddc.")));
    }

    @Test
    void comvc() {
        Map<String, Object> last = check("comvc", SMALL_DDC, Map.of("train", List.of("enc_0.", "enc_1.", "fusion.", "ddc.")));
        assertThat(num(last, "contrast")).isPositive();
    }

    @Test
    void comvcWithSampledNegatives() {
        List<String> sets = new ArrayList<>(SMALL_DDC);
        sets.addAll(List.of("losses.contrast.params.negatives=sampled", "losses.contrast.in.assignments=A"));
        check("comvc", sets, Map.of("train", List.of("enc_0.", "enc_1.", "fusion.", "ddc.")));
    }

    @Test
    void aeDdc() {
        List<String> sets = new ArrayList<>(SMALL_DDC);
        sets.add("dec.hidden=[12]");
        check("ae-ddc", sets, Map.of("pretrain", List.of("enc_0.", "enc_1.", "dec_0.", "dec_1."),
                "train", List.of("enc_0.", "enc_1.", "dec_0.", "dec_1.", "fusion.", "ddc.")));
    }

    @Test
    void aeCoDdc() {
        List<String> sets = new ArrayList<>(SMALL_DDC);
        sets.add("dec.hidden=[12]");
        Map<String, Object> last = check("aecoddc", sets, Map.of("pretrain", List.of("enc_0.", "enc_1.", "dec_0.", "dec_1."),
                "train", List.of("enc_0.", "enc_1.", "dec_0.", "dec_1.", "fusion.", "ddc.")));
        assertThat(num(last, "contrast")).isPositive();
    }

    @Test
    void aeKm() {
        check("ae-km", SMALL_AE, Map.of("train", List.of("enc_0.", "enc_1.", "dec_0.", "dec_1.")));
    }

    @Test
    void aeCoKm() {
        Map<String, Object> last = check("aecokm", SMALL_AE, Map.of("train", List.of("enc_0.", "enc_1.", "dec_0.", "dec_1.")));
        assertThat(num(last, "contrast")).isPositive();
    }

    @Test
    void infoDdc() {
        Map<String, Object> last = check("infoddc", SMALL_DDC, Map.of("pretrain", List.of("enc_0.", "enc_1."),
                "train", List.of("enc_0.", "enc_1.", "fusion.", "ddc.")));
        assertThat(num(last, "mi")).isNotZero();
    }

    @Test
    void mvIic() {
        List<String> sets = new ArrayList<>(SMALL_AE.subList(0, 2));
        sets.add("overclusters=6");
        check("mviic", sets, Map.of("train", List.of("enc_0.", "enc_1.", "cluster.", "over.")));
    }

    /** Checks the phases' steps and trains briefly; returns the last step's logged losses. */
    private static Map<String, Object> check(String preset, List<String> sets, Map<String, List<String>> trains) {
        return PresetCheck.last(PresetCheck.run(REGISTRY, preset, sets, trains,
                List.of("enc_0.", "enc_1.", "dec_0.", "dec_1.", "fusion.", "ddc.", "cluster.", "over."), Set.of()));
    }

    private static double num(Map<String, Object> step, String name) {
        return ((Number) step.get(name)).doubleValue();
    }
}
