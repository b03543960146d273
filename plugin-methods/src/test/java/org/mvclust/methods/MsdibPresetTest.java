package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.TestData;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.cli.Evaluation;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;
import org.mvclust.runtime.train.Progress;
import org.mvclust.runtime.train.Trainer;

/** The msdib preset: trade-off weights from vars, and the signs of its compression and preservation terms. */
class MsdibPresetTest {
    private static final Registry REGISTRY = PluginLoader.load(List.of());
    private static final MultiViewData DATA = TestData.blobs(60, 3, 4, 8, 5);
    private static final List<String> SMALL = List.of("enc.hidden=[16]", "latent=6", "heads.hidden=8", "ddc.hidden=8",
            "phases.train.batch=full");

    private static GraphSpec load(List<String> extra) {
        List<String> sets = new ArrayList<>(SMALL);
        sets.addAll(extra);
        return new GraphLoader(REGISTRY).load("msdib", sets);
    }

    private static Trainer.Outcome train(GraphSpec spec) {
        try (Model model = new ModelBuilder(spec, REGISTRY, 3, 1).build(DATA.views())) {
            return new Trainer(model, spec, REGISTRY, DATA.samples(), 3,
                    new Trainer.Options(1, 2, null, 0, false, 0, new Progress(null, false)), "fp", List.of(new Evaluation(DATA.labels()))).run();
        }
    }

    private static double sum(Map<String, Object> step, String... names) {
        double s = 0;
        for (String n : names) {
            s += ((Number) step.get(n)).doubleValue();
        }
        return s;
    }

    @Test
    void tradeOffsComeFromVarsWithPreservationNegative() {
        GraphSpec spec = load(List.of("alpha=0.5", "beta=2"));
        assertThat(spec.losses().get("mi_hs").weight()).isEqualTo(-0.5);
        assertThat(spec.losses().get("mi_ys").weight()).isEqualTo(-0.5);
        assertThat(spec.losses().get("kl").weight()).isEqualTo(2.0);
        assertThat(spec.losses().get("mi_hh").weight()).isEqualTo(2.0);
        assertThat(spec.losses().get("ddc1").weight()).isEqualTo(1.0);
        assertThat(spec.phases().get(0).steps().get(0).losses()).containsEntry("mi_ys", -0.5).containsEntry("kl", 2.0);
        assertThatThrownBy(() -> load(List.of("losses.kl.weight=${gamma}")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("losses.kl.weight").hasMessageContaining("gamma");
    }

    /** Acceptance check 2: training on the preservation terms alone raises them, on compression alone lowers it. */
    @Test
    void preservationRisesAndCompressionFallsUnderTheirOwnTerms() {
        Trainer.Outcome ip = train(load(List.of("phases.train.epochs=40", "phases.train.optimizer.lr=0.003",
                "phases.train.losses=[mi_hs, mi_ys]", "phases.train.train=[enc, fusion, heads, ddc]")));
        List<Map<String, Object>> s = ip.steps();
        assertThat(sum(s.get(s.size() - 1), "mi_hs", "mi_ys")).isGreaterThan(2 * sum(s.get(0), "mi_hs", "mi_ys"));
        Trainer.Outcome ic = train(load(List.of("phases.train.epochs=40", "phases.train.optimizer.lr=0.003",
                "phases.train.losses=[kl, mi_hh]", "phases.train.train=[enc]", "kl_form=analytic")));
        s = ic.steps();
        assertThat(sum(s.get(s.size() - 1), "kl", "mi_hh")).isLessThan(0.5 * sum(s.get(0), "kl", "mi_hh"));
    }

    /** The DDC-only ablation (alpha = beta = 0) trains on the DDC terms alone: its total is their sum. */
    @Test
    void ddcOnlyAblationTotalIsTheDdcTerms() {
        Trainer.Outcome out = train(load(List.of("alpha=0", "beta=0", "phases.train.epochs=2")));
        for (Map<String, Object> step : out.steps()) {
            assertThat(sum(step, "total")).isCloseTo(sum(step, "ddc1", "ddc2", "ddc3"), org.assertj.core.api.Assertions.within(1e-5));
            assertThat(sum(step, "kl")).isPositive();
        }
    }

    /** The balanced variant stores Sinkhorn labels each epoch and trains the view heads towards them. */
    @Test
    void balancedVariantTrainsTheHeadsOnStoredPseudoLabels() {
        GraphSpec spec = new GraphLoader(REGISTRY).load("msdib-balanced", List.of("enc.hidden=[16]", "latent=6",
                "heads.hidden=8", "ddc.hidden=8", "phases.train.repeat=2", "phases.epoch.batch=full"));
        Trainer.Outcome out = train(spec);
        assertThat(out.steps()).hasSize(2);
        // one-hot targets from a balanced labelling of 60 samples: the cross-entropy of 3-way softmaxes is near log 3
        for (Map<String, Object> step : out.steps()) {
            assertThat(sum(step, "ud")).isBetween(2 * 0.5, 2 * 3.0);
        }
    }
}
