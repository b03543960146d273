package org.mvclust.runtime.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Optimizer;
import org.mvclust.api.Params;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class OptimizersTest {
    /** Parameters w after each of {@code steps} updates on the loss sum(c ⊙ w), whose gradient is c. */
    private static float[][] run(Optimizer o, Map<String, Object> params, float[] w0, float[] c, int steps) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Variable<TFloat32> w = tf.variable(tf.constant(w0));
            List<Operand<TFloat32>> slots = new ArrayList<>();
            Optimizer.Slots maker = (name, shape, value) -> {
                Variable<TFloat32> v = tf.withName("slot" + slots.size()).variable(tf.fill(tf.constant(shape), tf.constant(value)));
                slots.add(v);
                return v;
            };
            Op step = o.apply(tf, List.of(new Optimizer.Trained(w, tf.constant(c), new long[] {w0.length}, "w")),
                    new Params(params), maker);
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
        float[][] got = run(new RmsProp(), Map.of("lr", lr, "rho", rho, "eps", eps, "momentum", 0.0), new float[] {1, 1, 1}, c, 2);
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
        float[][] got = run(new RmsProp(), Map.of("lr", lr, "rho", rho, "eps", 1e-8, "momentum", mu), new float[] {0}, c, 3);
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

    @Test
    void adamwDecaysTheWeightsBeforeAdamsStep() {
        double lr = 0.1;
        double wd = 0.5;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-7;
        float[] c = {0.5f, -2f};
        float[] w0 = {1f, -3f};
        float[][] got = run(new AdamW(), Map.of("lr", lr, "beta1", b1, "beta2", b2, "eps", eps, "weight_decay", wd), w0, c, 3);
        float[][] plain = run(new Adam(), Map.of("lr", lr, "beta1", b1, "beta2", b2, "eps", eps), w0, c, 3);
        for (int i = 0; i < c.length; i++) {
            double w = w0[i];
            double m = 0;
            double v = 0;
            for (int t = 1; t <= 3; t++) {
                w *= 1 - lr * wd;
                m = b1 * m + (1 - b1) * c[i];
                v = b2 * v + (1 - b2) * c[i] * c[i];
                double lrT = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t)); // TensorFlow's ApplyAdam
                w -= lrT * m / (Math.sqrt(v) + eps);
                assertThat((double) got[t - 1][i]).as("step %d, w[%d]", t, i).isCloseTo(w, within(1e-5));
            }
            assertThat(got[2][i]).isNotCloseTo(plain[2][i], within(1e-3f));
        }
    }
}
