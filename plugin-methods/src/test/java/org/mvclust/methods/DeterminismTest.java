package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;
import org.mvclust.nn.FanIn;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.graph.GraphWalk;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class DeterminismTest {
    /**
     * The DMAC preset on six views: no op that its losses depend on has more than four inputs. The C++ gradient
     * builder visits a wider op's inputs in a pointer-hash order, so the gradient graph (the order of its AddN inputs)
     * changed from run to run, and two runs of dmac on hw gave different labels (the mean fusion's Pack of 6, the
     * per-view loss sums' AddN of 6 and joint_mi_pairs' AddN of 15 did this).
     */
    @Test
    void dmacOnSixViewsDifferentiatesOnlyNarrowOps() {
        Registry registry = PluginLoader.load(List.of());
        GraphSpec dmac = new GraphLoader(registry).load("dmac", List.of("latent=8"));
        Random rng = new Random(3);
        List<Matrix> views = new ArrayList<>();
        for (int v = 0; v < 6; v++) {
            float[] x = new float[40 * (3 + v)];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextGaussian();
            }
            views.add(new Matrix(40, 3 + v, x));
        }
        try (Model m = new ModelBuilder(dmac, registry, 3, 1).build(views)) {
            java.util.Set<String> wide = new java.util.TreeSet<>();
            for (List<Model.Step> steps : m.steps().values()) {
                for (Model.Step st : steps) {
                    for (Operand<TFloat32> loss : st.lossValues()) {
                        for (GraphOperation op : GraphWalk.ancestors(loss, false)) {
                            if (op.numInputs() + op.numControlInputs() > FanIn.MAX_INPUTS) {
                                wide.add(op.name() + " (" + op.type() + ", " + op.numInputs() + " inputs)");
                            }
                        }
                    }
                }
            }
            assertThat(wide).isEmpty();
        }
    }
}
