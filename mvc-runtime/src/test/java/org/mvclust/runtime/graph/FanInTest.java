package org.mvclust.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mvclust.nn.FanIn;
import org.mvclust.api.Matrix;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class FanInTest {
    private static float[] values(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            // magnitudes from 1e-4 to 1e4: the order of a sum shows in its rounding
            v[i] = (float) ((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(9) - 4));
        }
        return v;
    }

    private static float[] eval(Graph g, Operand<TFloat32> t) {
        try (Session s = new Session(g); TFloat32 v = (TFloat32) s.runner().fetch(t).run().get(0)) {
            float[] out = new float[(int) v.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = v.getFloat(i);
            }
            return out;
        }
    }

    /** The values times a variable that holds 1, so that grappler cannot fold the sum into a constant. */
    private static List<Operand<TFloat32>> terms(Ops tf, List<float[]> values) {
        Variable<TFloat32> one = tf.variable(tf.constant(1f));
        return values.stream().map(t -> (Operand<TFloat32>) tf.math.mul(one, tf.constant(t))).toList();
    }

    private static Operand<TFloat32> flat(Ops tf, Operand<TFloat32> t) {
        return tf.reshape(t, tf.constant(new long[] {-1}));
    }

    /** Initialises the variables and fetches the (rank ≤ 1) tensors. */
    private static float[][] eval(Graph g, List<Operand<TFloat32>> ts) {
        try (Session s = new Session(g)) {
            s.initialize();
            Session.Runner r = s.runner();
            ts.forEach(r::fetch);
            try (var res = r.run()) {
                float[][] out = new float[ts.size()][];
                for (int k = 0; k < ts.size(); k++) {
                    TFloat32 v = (TFloat32) res.get(k);
                    out[k] = new float[(int) v.size()];
                    for (int i = 0; i < out[k].length; i++) {
                        out[k][i] = v.shape().numDimensions() == 0 ? v.getFloat() : v.getFloat(i);
                    }
                }
                return out;
            }
        }
    }

    private static void assertNarrow(Graph g) {
        g.operations().forEachRemaining(o -> {
            GraphOperation op = (GraphOperation) o;
            assertThat(op.numInputs() + op.numControlInputs()).as(op.name() + " (" + op.type() + ")")
                    .isLessThanOrEqualTo(FanIn.MAX_INPUTS);
        });
    }

    @Test
    void sumRoundsBitForBitAsOneAddNAndUsesNarrowOps() {
        for (int n = 1; n <= 10; n++) {
            List<float[]> terms = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                terms.add(values(64, 31L * n + i));
            }
            float[] wide;
            try (Graph g = new Graph()) {
                Ops tf = Ops.create(g);
                List<Operand<TFloat32>> c = terms(tf, terms);
                wide = eval(g, List.of(n == 1 ? c.get(0) : tf.math.addN(c)))[0];
            }
            try (Graph g = new Graph()) {
                Ops tf = Ops.create(g);
                List<Operand<TFloat32>> c = terms(tf, terms);
                float[] mine = eval(g, List.of(FanIn.sum(tf, c)))[0];
                assertThat(mine).as("%d terms", n).containsExactly(wide);
                assertNarrow(g);
            }
        }
    }

    @Test
    void stackAndConcatEqualTheWideOpsAndDifferentiate() {
        for (int n = 1; n <= 11; n++) {
            List<float[]> parts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                parts.add(values(6, 7L * n + i));
            }
            for (long axis = 0; axis <= 1; axis++) {
                float[] stacked;
                float[] joined;
                try (Graph g = new Graph()) {
                    Ops tf = Ops.create(g);
                    List<Operand<TFloat32>> c = parts.stream()
                            .map(p -> (Operand<TFloat32>) tf.reshape(tf.constant(p), tf.constant(new long[] {2, 3}))).toList();
                    stacked = eval(g, flat(tf, tf.stack(c, org.tensorflow.op.core.Stack.axis(axis))));
                    joined = eval(g, flat(tf, n == 1 ? c.get(0) : tf.concat(c, tf.constant((int) axis))));
                }
                try (Graph g = new Graph()) {
                    Ops tf = Ops.create(g);
                    Variable<TFloat32> x = tf.variable(tf.constant(1f));
                    List<Operand<TFloat32>> c = parts.stream()
                            .map(p -> (Operand<TFloat32>) tf.math.mul(x, tf.reshape(tf.constant(p), tf.constant(new long[] {2, 3}))))
                            .toList();
                    Operand<TFloat32> s = FanIn.stack(tf, c, axis);
                    Operand<TFloat32> j = FanIn.concat(tf, c, axis);
                    // the gradient builder accepts them (an int64 axis makes its ConcatV2 gradient crash)
                    var grads = tf.gradients(tf.math.add(tf.sum(s, tf.constant(new int[] {0, 1, 2})),
                            tf.sum(j, tf.constant(new int[] {0, 1}))), List.of(x));
                    float[][] got = eval(g, List.of(flat(tf, s), flat(tf, j), grads.dy(0)));
                    assertThat(s.shape().size(0)).isEqualTo(axis == 0 ? n : 2);
                    assertThat(got[0]).as("stack of %d along %d", n, axis).containsExactly(stacked);
                    assertThat(got[1]).as("concat of %d along %d", n, axis).containsExactly(joined);
                    assertThat(got[2][0]).isFinite();
                }
            }
        }
    }
}
