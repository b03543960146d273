package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.TestData;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.cli.Evaluation;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.eval.Metrics;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;
import org.mvclust.runtime.train.Progress;
import org.mvclust.runtime.train.Trainer;

/** The ddc preset, small, on separated blobs: its step objective is the three DDC terms, which fall, and the read-out finds the blobs. */
class DdcPresetTest {
    private static final Registry REGISTRY = PluginLoader.load(List.of());

    @Test
    void trainsOnTheThreeTermsAndFindsSeparatedBlobs() {
        MultiViewData data = TestData.blobs(120, 3, 4, 6, 5);
        GraphSpec spec = new GraphLoader(REGISTRY).load("ddc", List.of("enc.hidden=[64]", "latent=32",
                "phases.train.batch=40", "phases.train.epochs=30"));
        Trainer.Outcome out;
        try (Model model = new ModelBuilder(spec, REGISTRY, 3, 1).build(data.views())) {
            out = new Trainer(model, spec, REGISTRY, data.samples(), 3,
                    new Trainer.Options(1, 2, null, 0, false, 0, new Progress(null, false)), "fp", List.of(new Evaluation(data.labels()))).run();
        }
        List<Map<String, Object>> steps = out.steps();
        for (Map<String, Object> s : steps) {
            double terms = num(s, "ddc1") + num(s, "ddc2") + num(s, "ddc3");
            assertThat(num(s, "total")).isCloseTo(terms, within(1e-5));
        }
        assertThat(num(steps.get(steps.size() - 1), "ddc1")).isLessThan(0.5 * num(steps.get(0), "ddc1"));
        assertThat(java.util.Arrays.stream(out.labels()).distinct().count()).isEqualTo(3);
        assertThat(Metrics.nmi(data.labels(), out.labels())).isGreaterThan(0.8);
    }

    private static double num(Map<String, Object> step, String name) {
        return ((Number) step.get(name)).doubleValue();
    }
}
