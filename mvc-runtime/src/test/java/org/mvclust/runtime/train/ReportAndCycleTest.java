package org.mvclust.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.api.MultiViewData;
import org.mvclust.testkit.TestData;
import org.mvclust.runtime.TestGraphs;
import org.mvclust.runtime.cli.Evaluation;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;

/** Graph 'report' tensors in the outcome, and per-step loss means under cycled steps. */
class ReportAndCycleTest {
    private static final Registry REGISTRY = PluginLoader.load(List.of());
    private static final MultiViewData DATA = TestData.blobs(90, 3, 11, 8, 5);

    private static Trainer.Outcome run(List<String> sets) {
        List<String> all = new ArrayList<>(List.of("phases.pretrain.epochs=2", "phases.pretrain.batch=20", "latent=3",
                "enc.hidden=[8]", "dec.hidden=[8]"));
        all.addAll(sets);
        GraphSpec spec = new GraphLoader(REGISTRY).load(TestGraphs.AE_KMEANS, all);
        try (Model model = new ModelBuilder(spec, REGISTRY, 3, 1).build(DATA.views())) {
            return new Trainer(model, spec, REGISTRY, DATA.samples(), 3,
                    new Trainer.Options(1, 2, null, 0, false, 0, new Progress(null, false)), "fp", List.of(new Evaluation(DATA.labels()))).run();
        }
    }

    @Test
    void reportHoldsTheTensorOnAllSamplesInEvaluationMode() {
        Trainer.Outcome res = run(List.of("report=[h, 'z[1]']"));
        @SuppressWarnings("unchecked")
        List<Double> h = (List<Double>) res.report().get("h");
        float[] readout = res.embedding().data();
        assertThat(h).hasSize(readout.length);
        for (int i = 0; i < readout.length; i++) {
            assertThat(h.get(i)).isEqualTo((double) readout[i]);
        }
        assertThat((List<?>) res.report().get("z[1]")).hasSize(90 * 3);
    }

    @Test
    void cycledStepLossesAreAveragedOverTheBatchesThatRanThem() {
        Trainer.Outcome res = run(List.of("phases.pretrain.cycle=true", "phases.pretrain.steps=[{losses: [recon], train: [enc, dec], "
                + "optimizer: {type: adam}}, {losses: [recon], train: [dec], optimizer: {type: sgd, lr: 0.01}}]",
                "phases.pretrain.losses=~", "phases.pretrain.train=~", "phases.pretrain.optimizer=~"));
        for (String name : List.of("s0.recon", "s1.recon")) {
            double sum = 0;
            int n = 0;
            for (Map<String, Object> row : res.steps()) {
                if (Integer.valueOf(1).equals(row.get("epoch")) && row.containsKey(name)) {
                    sum += (Double) row.get(name);
                    n++;
                }
            }
            assertThat(n).isBetween(2, 3);
            assertThat((Double) res.history().get(0).get(name)).isCloseTo(sum / n, within(1e-9));
        }
    }
}
