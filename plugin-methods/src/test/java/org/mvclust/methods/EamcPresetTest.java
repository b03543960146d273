package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.TensorRef;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;
import org.tensorflow.Session;

/** The eamc preset built on a tiny dataset: which variables each of its two alternating steps changes. */
class EamcPresetTest {
    private static final Registry REGISTRY = PluginLoader.load(List.of());

    @Test
    void clusteringAndDiscriminatorStepsUpdateDisjointParameters() {
        GraphSpec spec = new GraphLoader(REGISTRY).load("eamc", List.of("latent=8", "enc.hidden=[6]", "disc.hidden=[5]"));
        assertThat(spec.report()).containsExactly(TensorRef.parse("w"));
        try (Model model = new ModelBuilder(spec, REGISTRY, 3, 1).build(data(12));
             Session session = new Session(model.graph())) {
            StepProbe.initialise(session, model);
            List<Model.Step> steps = model.steps().get("train");
            assertThat(steps).hasSize(2);
            Set<String> gen = StepProbe.changedBy(session, model, steps.get(0), 8);
            Set<String> disc = StepProbe.changedBy(session, model, steps.get(1), 8);
            assertThat(gen).anyMatch(n -> n.startsWith("enc_0.")).anyMatch(n -> n.startsWith("enc_1."))
                    .anyMatch(n -> n.startsWith("fusion.")).anyMatch(n -> n.startsWith("ddc."))
                    .contains("ddc.bn.moving_mean", "ddc.bn.moving_var")
                    .noneMatch(n -> n.startsWith("disc.") || n.startsWith("opt.train.1."));
            assertThat(disc).anyMatch(n -> n.startsWith("disc.d1."))
                    .allMatch(n -> n.startsWith("disc.") || n.startsWith("opt.train.1."));
            Set<String> both = new TreeSet<>(gen);
            both.retainAll(disc);
            assertThat(both).isEmpty();
        }
    }

    @Test
    void componentStudyOverridesBuild() {
        List<String> small = List.of("latent=8", "enc.hidden=[6]", "disc.hidden=[5]");
        List<String> noAdv = List.of("phases.train.steps.1=~", "phases.train.steps.0.losses=[ddc1, ddc2, ddc3, att]");
        List<String> noAtt = List.of("fusion.learn=false", "phases.train.steps.0.train.fusion=~");
        for (List<String> sets : List.of(noAdv, noAtt)) {
            List<String> all = new ArrayList<>(small);
            all.addAll(sets);
            GraphSpec spec = new GraphLoader(REGISTRY).load("eamc", all);
            try (Model model = new ModelBuilder(spec, REGISTRY, 3, 1).build(data(12));
                 Session session = new Session(model.graph())) {
                StepProbe.initialise(session, model);
                List<Model.Step> steps = model.steps().get("train");
                Set<String> changed = StepProbe.changedBy(session, model, steps.get(0), 8);
                if (sets == noAdv) {
                    assertThat(steps).hasSize(1);
                    assertThat(changed).anyMatch(n -> n.startsWith("fusion."));
                } else {
                    assertThat(steps).hasSize(2);
                    assertThat(model.state()).noneMatch(v -> v.name().startsWith("fusion."));
                    assertThat(changed).anyMatch(n -> n.startsWith("enc_0."));
                }
            }
        }
    }

    private static List<Matrix> data(int n) {
        Random rng = new Random(3);
        List<Matrix> views = new ArrayList<>();
        for (int cols : new int[] {5, 4}) {
            float[] v = new float[n * cols];
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextFloat();
            }
            views.add(new Matrix(n, cols, v));
        }
        return views;
    }
}
