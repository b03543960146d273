package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;
import org.mvclust.runtime.cli.Evaluation;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.Yaml;
import org.mvclust.runtime.data.Preprocess;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;
import org.mvclust.runtime.train.Progress;
import org.mvclust.runtime.train.Trainer;

/** The nmode-mvc and sdmvc presets load, validate, build and run a shortened schedule on small separable data. */
class NmodePresetsTest {
    static final List<String> SMALL = List.of("enc.hidden=[16]", "dec.hidden=[16]", "latent=3", "phases.pretrain.epochs=3",
            "phases.rounds.repeat=2", "phases.finetune.epochs=2", "phases.pretrain.batch=32", "phases.finetune.batch=32");
    static Registry registry;
    static List<Matrix> views;
    static int[] labels;

    @BeforeAll
    static void data() {
        registry = PluginLoader.load(List.of());
        Random rng = new Random(1);
        int n = 60;
        labels = new int[n];
        views = List.of(Matrix.zeros(n, 6), Matrix.zeros(n, 4));
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (Matrix m : views) {
                for (int c = 0; c < m.cols(); c++) {
                    m.set(i, c, (float) ((c % 3 == labels[i] ? 3 : 0) + 0.3 * rng.nextGaussian()));
                }
            }
        }
        Preprocess.apply("minmax", views);
    }

    @Test
    void nmodeMvcRecordsSolverAndRunsItsRounds() {
        List<String> sets = new ArrayList<>(SMALL);
        sets.addAll(List.of("nmode.neurons=8", "nmode.solver=dopri5", "nmode.steps=3", "phases.ode-fit.epochs=3", "phases.ode-fit.batch=32"));
        GraphSpec spec = new GraphLoader(registry).load("nmode-mvc", sets);
        String yaml = Yaml.toYaml(spec.tree());
        assertThat(yaml).contains("solver: dopri5").contains("steps: 3");
        Trainer.Outcome out = run(spec);
        assertThat(out.history().stream().map(r -> r.get("phase")).distinct())
                .containsExactly("pretrain", "rounds1/ode-fit", "rounds1/finetune", "rounds2/ode-fit", "rounds2/finetune");
        assertValidSoftAssignment(out);
    }

    @Test
    void sdmvcRunsItsRounds() {
        GraphSpec spec = new GraphLoader(registry).load("sdmvc", SMALL);
        Trainer.Outcome out = run(spec);
        assertThat(out.history().stream().map(r -> r.get("phase")).distinct())
                .containsExactly("pretrain", "rounds1/finetune", "rounds2/finetune");
        assertValidSoftAssignment(out);
    }

    private static Trainer.Outcome run(GraphSpec spec) {
        try (Model model = new ModelBuilder(spec, registry, 3, 7).build(views)) {
            Trainer t = new Trainer(model, spec, registry, 60, 3,
                    new Trainer.Options(7, 1, null, 0, false, 0, new Progress(null, false)), "test", List.of(new Evaluation(labels)));
            return t.run();
        }
    }

    /** The readout (P of the nmODE, or the views' mean Q) has rows on the simplex, and labels are in range. */
    private static void assertValidSoftAssignment(Trainer.Outcome out) {
        Matrix p = out.embedding();
        assertThat(p.cols()).isEqualTo(3);
        for (int i = 0; i < p.rows(); i++) {
            float sum = 0;
            for (int j = 0; j < 3; j++) {
                assertThat(p.get(i, j)).isBetween(0f, 1f);
                sum += p.get(i, j);
            }
            assertThat(sum).isCloseTo(1f, org.assertj.core.api.Assertions.within(1e-4f));
        }
        assertThat(java.util.Arrays.stream(out.labels()).allMatch(l -> l >= 0 && l < 3)).isTrue();
        Map<String, Object> last = out.history().get(out.history().size() - 1);
        assertThat(last).containsKey("acc");
    }
}
