package org.mvclust.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvclust.runtime.config.GraphSpec.OptimizerSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class OptimizersTest {
    /** Parameters w after each of {@code steps} updates on the loss sum(c ⊙ w), whose gradient is c. */
    private static float[][] run(OptimizerSpec o, float[] w0, float[] c, int steps) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Variable<TFloat32> w = tf.variable(tf.constant(w0));
            List<Operand<TFloat32>> slots = new ArrayList<>();
            Optimizers.SlotMaker maker = (name, shape, value) -> {
                Variable<TFloat32> v = tf.withName("slot" + slots.size()).variable(tf.fill(tf.constant(shape), tf.constant(value)));
                slots.add(v);
                return v;
            };
            Op step = Optimizers.apply(tf, o, List.of(w), List.of(tf.constant(c)), List.of(new long[] {w0.length}),
                    List.of("w"), maker);
            float[][] out = new float[steps][w0.length];
            try (Session s = new Session(g)) {
                s.initialize();
                for (int t = 0; t < steps; t++) {
                    s.runner().addTarget(step).run();
                    try (TFloat32 v = (TFloat32) s.runner().fetch(w).run().get(0)) {
                        for (int i = 0; i < w0.length; i++) {
                            out[t][i] = v.getFloat(i);
                        }
                    }
                }
            }
            return out;
        }
    }

    @Test
    void rmspropPutsEpsOutsideTheRootAsPyTorchDoes() {
        double lr = 0.01;
        double rho = 0.9;
        double eps = 1e-3;
        float[] c = {1e-6f, 0.5f, -2f};
        float[][] got = run(new OptimizerSpec("rmsprop", lr, 0.9, 0.999, eps, rho, 0), new float[] {1, 1, 1}, c, 2);
        for (int i = 0; i < c.length; i++) {
            double w = 1;
            double ms = 0;
            for (int t = 0; t < 2; t++) {
                ms = rho * ms + (1 - rho) * c[i] * c[i];
                w -= lr * c[i] / (Math.sqrt(ms) + eps);
                assertThat((double) got[t][i]).as("step %d, w[%d]", t + 1, i).isCloseTo(w, within(1e-6));
            }
        }
        // a tiny gradient moves by about lr * g / eps = 1e-5; TensorFlow's sqrt(ms + eps) would move it by 3.2e-7
        assertThat(1 - got[0][0]).isCloseTo((float) (lr * 1e-6 / (Math.sqrt(0.1) * 1e-6 + eps)), within(1e-7f));
    }

    @Test
    void rmspropMomentumAccumulatesTheScaledSteps() {
        double lr = 0.1;
        double rho = 0.5;
        double mu = 0.9;
        float[] c = {1f};
        float[][] got = run(new OptimizerSpec("rmsprop", lr, 0.9, 0.999, 1e-8, rho, mu), new float[] {0}, c, 3);
        double w = 0;
        double ms = 0;
        double mom = 0;
        for (int t = 0; t < 3; t++) {
            ms = rho * ms + (1 - rho);
            mom = mu * mom + lr / (Math.sqrt(ms) + 1e-8);
            w -= mom;
            assertThat((double) got[t][0]).isCloseTo(w, within(1e-5));
        }
    }
}
