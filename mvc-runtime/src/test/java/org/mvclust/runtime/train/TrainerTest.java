package org.mvclust.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.ConfigException;
import org.mvclust.testkit.TestData;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.TestGraphs;
import org.mvclust.runtime.cli.Evaluation;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;

class TrainerTest {
    private static final Registry REGISTRY = PluginLoader.load(List.of());
    private static final MultiViewData DATA = TestData.blobs(90, 3, 11, 8, 5);
    private static final List<String> SHORT = List.of("phases.pretrain.epochs=6", "phases.pretrain.batch=32", "latent=3",
            "enc.hidden=[16]", "dec.hidden=[16]");

    /** Stops the run after a given number of epochs, as a kill would (the checkpoint of that epoch is on disk). */
    private static final class Killer extends Progress {
        private final int after;
        private int seen;

        Killer(int after) {
            super(null, false);
            this.after = after;
        }

        @Override
        public void epoch(String phase, int epoch, int epochs, Map<String, Double> losses, Map<String, Double> metrics) {
            if (++seen == after) {
                throw new IllegalStateException("killed");
            }
        }
    }

    private static Trainer.Outcome run(long seed, Path ck, boolean resume, Progress progress) {
        GraphSpec spec = new GraphLoader(REGISTRY).load(TestGraphs.AE_KMEANS, SHORT);
        try (Model model = new ModelBuilder(spec, REGISTRY, 3, seed).build(DATA.views())) {
            return new Trainer(model, spec, REGISTRY, DATA.samples(), 3,
                    new Trainer.Options(seed, 2, ck, 1, resume, 0, progress), "fp-" + seed, List.of(new Evaluation(DATA.labels()))).run();
        }
    }

    @Test
    void aGpuTensorFlowCannotSeeIsAnErrorNotASilentFallBackToTheCpu() {
        Trainer.Options opt = new Trainer.Options(0, 1, null, 0, 0, false, 0, new Progress(null, false), new Profile(), "gpu:97");
        assertThatThrownBy(() -> Trainer.sessionConfig(opt)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--device gpu:97: TensorFlow sees no such GPU");
        Trainer.Options bad = new Trainer.Options(0, 1, null, 0, 0, false, 0, new Progress(null, false), new Profile(), "tpu");
        assertThatThrownBy(() -> Trainer.sessionConfig(bad)).hasMessageContaining("expected auto, cpu or gpu:N");
    }

    @Test
    void profilingOpTimesTracesAFewStepsWithoutChangingTheRun() {
        GraphSpec spec = new GraphLoader(REGISTRY).load(TestGraphs.AE_KMEANS, SHORT);
        Profile ops = new Profile(true);
        Profile plain = new Profile();
        Trainer.Outcome[] out = new Trainer.Outcome[2];
        Profile[] profiles = {ops, plain};
        for (int i = 0; i < 2; i++) {
            try (Model model = new ModelBuilder(spec, REGISTRY, 3, 3).build(DATA.views())) {
                out[i] = new Trainer(model, spec, REGISTRY, DATA.samples(), 3,
                        new Trainer.Options(3, 2, null, 0, 0, false, 0, new Progress(null, false), profiles[i], "auto"), "fp", List.of(new Evaluation(DATA.labels()))).run();
            }
        }
        assertThat(out[0].labels()).isEqualTo(out[1].labels());
        assertThat(out[0].finalLoss()).isEqualTo(out[1].finalLoss());
        assertThat(plain.opTable(5)).isEmpty();
        String table = ops.opTable(40);
        assertThat(table).contains("MatMul").contains("total");
        // MatMul, _FusedMatMul, or with oneDNN (on CPUs that have it) _MklMatMul, _MklNativeFusedMatMul
        assertThat(table.lines().filter(l -> l.split("\\s+")[0].contains("MatMul")).count()).isPositive();
    }

    @Test
    void sameSeedGivesSameLabelsAndLosses() {
        Trainer.Outcome a = run(3, null, false, new Progress(null, false));
        Trainer.Outcome b = run(3, null, false, new Progress(null, false));
        assertThat(b.labels()).isEqualTo(a.labels());
        assertThat(b.finalLoss()).isEqualTo(a.finalLoss());
        assertThat(a.history()).hasSize(6);
    }

    @Test
    void resumeAfterAKillFinishesWithTheSameLabels(@TempDir Path dir) {
        Trainer.Outcome whole = run(5, dir.resolve("a.ck"), false, new Progress(null, false));
        Path ck = dir.resolve("b.ck");
        assertThatThrownBy(() -> run(5, ck, false, new Killer(4))).hasMessage("killed");
        assertThat(ck).exists();
        Trainer.Outcome resumed = run(5, ck, true, new Progress(null, false));
        assertThat(resumed.labels()).isEqualTo(whole.labels());
        assertThat(resumed.finalLoss()).isEqualTo(whole.finalLoss());
        assertThat(resumed.history()).hasSameSizeAs(whole.history());
    }

    @Test
    void tamperedCheckpointIsRejected(@TempDir Path dir) throws Exception {
        Path ck = dir.resolve("c.ck");
        assertThatThrownBy(() -> run(7, ck, false, new Killer(2))).hasMessage("killed");
        byte[] bytes = Files.readAllBytes(ck);
        bytes[bytes.length - 40] ^= 0x10;
        Files.write(ck, bytes);
        assertThatThrownBy(() -> run(7, ck, true, new Progress(null, false)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot resume").hasMessageContaining("c.ck");
    }

    @Test
    void checkpointOfAnotherRunIsRejected(@TempDir Path dir) {
        Path ck = dir.resolve("d.ck");
        assertThatThrownBy(() -> run(8, ck, false, new Killer(2))).hasMessage("killed");
        assertThatThrownBy(() -> run(9, ck, true, new Progress(null, false)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("different run");
    }

    @Test
    void actionsFillBuffersAndCycledStepsAlternate(@TempDir Path dir) throws Exception {
        Path graph = dir.resolve("actions.yaml");
        try (var in = TrainerTest.class.getResourceAsStream("actions.yaml")) {
            Files.copy(in, graph);
        }
        GraphSpec spec = new GraphLoader(REGISTRY).load(graph.toString(), List.of());
        Trainer.Outcome out;
        try (Model model = new ModelBuilder(spec, REGISTRY, 3, 1).build(DATA.views())) {
            out = new Trainer(model, spec, REGISTRY, DATA.samples(), 3,
                    new Trainer.Options(1, 2, null, 0, false, 0, new Progress(null, false)), "fp", List.of(new Evaluation(DATA.labels()))).run();
        }
        // argmax of the one-hot k-means labels stored in P: a real clustering of separated blobs, not all zeros
        assertThat(org.mvclust.runtime.eval.Metrics.acc(DATA.labels(), out.labels())).isGreaterThan(0.9);
        List<Map<String, Object>> steps = out.steps();
        assertThat(steps).hasSize(4 * 3);
        assertThat(steps.get(0)).containsKey("s0.recon").doesNotContainKey("s1.recon");
        assertThat(steps.get(1)).containsKey("s1.recon").doesNotContainKey("s0.recon");
        assertThat(steps.get(3)).containsKey("s0.recon");
    }

    @Test
    void actionErrorsNameThePlace(@TempDir Path dir) throws Exception {
        Path graph = dir.resolve("bad.yaml");
        try (var in = TrainerTest.class.getResourceAsStream("actions.yaml")) {
            Files.writeString(graph, new String(in.readAllBytes()).replace("labels: P", "labels: Q"));
        }
        assertThatThrownBy(() -> new GraphLoader(REGISTRY).load(graph.toString(), List.of()))
                .hasMessageContaining("bad.yaml: phases[1].actions[0].kmeans.labels").hasMessageContaining("P");
    }

    @Test
    void gradNormsAreLoggedPerNodeInstanceAndDoNotChangeTheObjective() {
        Trainer.Outcome plain = run(4, null, false, new Progress(null, false));
        GraphSpec spec = new GraphLoader(REGISTRY).load(TestGraphs.AE_KMEANS,
                java.util.stream.Stream.concat(SHORT.stream(), java.util.stream.Stream.of("phases.pretrain.grad_norms=[enc]")).toList());
        Trainer.Outcome logged;
        try (Model model = new ModelBuilder(spec, REGISTRY, 3, 4).build(DATA.views())) {
            logged = new Trainer(model, spec, REGISTRY, DATA.samples(), 3,
                    new Trainer.Options(4, 2, null, 0, false, 0, new Progress(null, false)), "fp", List.of(new Evaluation(DATA.labels()))).run();
        }
        Map<String, Object> row = logged.history().get(0);
        assertThat(row).containsKeys("grad_norm.enc_0", "grad_norm.enc_1").doesNotContainKey("grad_norm.dec_0");
        assertThat((Double) row.get("grad_norm.enc_0")).isPositive().isFinite();
        assertThat(row.get("grad_norm.enc_0")).isNotEqualTo(row.get("grad_norm.enc_1"));
        assertThat(logged.finalLoss()).isEqualTo(plain.finalLoss());
        assertThat(logged.labels()).isEqualTo(plain.labels());
    }

    private static Trainer.Outcome runWith(String batch) {
        List<String> set = new java.util.ArrayList<>(SHORT);
        set.set(1, "phases.pretrain.batch=" + batch);
        GraphSpec spec = new GraphLoader(REGISTRY).load(TestGraphs.AE_KMEANS, set);
        try (Model model = new ModelBuilder(spec, REGISTRY, 3, 5).build(DATA.views())) {
            return new Trainer(model, spec, REGISTRY, DATA.samples(), 3,
                    new Trainer.Options(5, 2, null, 0, 0, false, 0, new Progress(null, false), new Profile(), "auto"),
                    "fp", List.of()).run();
        }
    }

    @Test
    void aBatchRuleOnTheDatasetsFactsTrainsAsTheNumberItGives() {
        Trainer.Outcome number = runWith("30");
        Trainer.Outcome rule = runWith("${min(samples, max(20, 10 * clusters))}");
        assertThat(rule.labels()).isEqualTo(number.labels());
        assertThat(rule.finalLoss()).isEqualTo(number.finalLoss());
        Trainer.Outcome all = runWith("${max(samples, views)}");
        assertThat(all.finalLoss()).isEqualTo(runWith("full").finalLoss());
        assertThatThrownBy(() -> runWith("${clusters - 5}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("phases.pretrain.batch").hasMessageContaining("gives -2");
        assertThatThrownBy(() -> runWith("${samples / clusterz}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("clusterz").hasMessageContaining("clusters");
    }
}
