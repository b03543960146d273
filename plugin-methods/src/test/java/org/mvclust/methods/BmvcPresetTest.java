package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.TestData;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.cli.Evaluation;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.data.Preprocess;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;
import org.mvclust.runtime.train.Progress;
import org.mvclust.runtime.train.Trainer;

/** The bmvc preset and its command-line ablations build and train on small data. */
class BmvcPresetTest {
    private static final Registry REGISTRY = PluginLoader.load(List.of());
    private static final List<String> SMALL = List.of("latent=4", "joint=6", "neighbours=5", "enc.hidden=[12]",
            "dec.hidden=[12]", "phases.train.epochs=4");

    private static Trainer.Outcome run(List<String> extra) {
        List<String> sets = new ArrayList<>(SMALL);
        sets.addAll(extra);
        GraphSpec spec = new GraphLoader(REGISTRY).load("bmvc", sets);
        MultiViewData data = TestData.blobs(60, 3, 2, 5, 7, 6);
        Preprocess.apply(spec.preprocess(), data.views());
        try (Model model = new ModelBuilder(spec, REGISTRY, 3, 1).build(data.views())) {
            return new Trainer(model, spec, REGISTRY, data.samples(), 3,
                    new Trainer.Options(1, 2, null, 0, false, 0, new Progress(null, false)), "fp", List.of(new Evaluation(data.labels()))).run();
        }
    }

    @Test
    void readsHwWithItsOwnViewOrder() {
        GraphSpec bmvc = new GraphLoader(REGISTRY).load("bmvc", List.of());
        assertThat(bmvc.readerOptions("hw")).containsEntry("views", "2,3,1");
        assertThat(bmvc.readerOptions("pie")).doesNotContainKey("views");
    }

    @Test
    void trainsWithBothLossesAndLogsPerViewGradientNorms() {
        Trainer.Outcome out = run(List.of());
        assertThat(out.history()).hasSize(4);
        Map<String, Object> last = out.history().get(3);
        for (String k : List.of("recon", "vcr", "grad_norm.enc_0", "grad_norm.enc_1", "grad_norm.enc_2")) {
            assertThat((Double) last.get(k)).as(k).isFinite().isPositive();
        }
        assertThat((Double) last.get("vcr")).isLessThan((Double) out.history().get(0).get("vcr"));
        assertThat(out.labels()).hasSize(60);
    }

    @Test
    void ablationsRunFromTheCommandLine() {
        Trainer.Outcome rec = run(List.of("phases.train.losses=[recon]", "phases.train.train=[enc,fusion,dec]"));
        assertThat(rec.history().get(0)).containsKey("recon").doesNotContainKey("vcr");
        Trainer.Outcome vcr = run(List.of("phases.train.losses=[vcr]", "phases.train.train=[enc,fusion,cluster]"));
        assertThat(vcr.history().get(0)).containsKey("vcr").doesNotContainKey("recon");
        assertThat(vcr.finalLoss()).isFinite();
    }
}
