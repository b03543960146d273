package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** vcr with a mask is the loss of the samples having the view alone: their rows of c and the graph among them. */
class VcrMaskTest {
    private static final int N = 9;
    private static final int K = 3;
    private static final float[][] MASK = {{1}, {0}, {1}, {1}, {0}, {1}, {1}, {0}, {1}};
    private static final int[] PRESENT = {0, 2, 3, 5, 6, 8};

    /** Neighbour lists over the whole batch (absent rows and absent neighbours included), never a row itself. */
    private static float[][][] lists(long seed) {
        Random r = new Random(seed);
        float[][] index = new float[N][K];
        float[][] weight = new float[N][K];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < K; j++) {
                index[i][j] = (i + 1 + r.nextInt(N - 1)) % N;
                weight[i][j] = r.nextFloat();
            }
        }
        return new float[][][] {index, weight};
    }

    /** The lists restricted to the present rows, renumbered; a neighbour that is absent becomes the row itself, weight 0. */
    private static float[][][] alone(float[][][] l) {
        int[] at = new int[N];
        java.util.Arrays.fill(at, -1);
        for (int a = 0; a < PRESENT.length; a++) {
            at[PRESENT[a]] = a;
        }
        float[][] index = new float[PRESENT.length][K];
        float[][] weight = new float[PRESENT.length][K];
        for (int a = 0; a < PRESENT.length; a++) {
            for (int j = 0; j < K; j++) {
                int nb = at[(int) l[0][PRESENT[a]][j]];
                index[a][j] = nb < 0 ? a : nb;
                weight[a][j] = nb < 0 ? 0 : l[1][PRESENT[a]][j];
            }
        }
        return new float[][][] {index, weight};
    }

    private static Operand<TFloat32> vcr(BlockHarness h, Map<String, Operand<TFloat32>> in, String diagonal) {
        return h.build(new VcrLoss(), in, Map.of(), Map.of("diagonal", diagonal, "mix", 0.3)).get("loss");
    }

    private static void assertAsAlone(BlockHarness h, Operand<TFloat32> c, Operand<TFloat32> masked, Operand<TFloat32> alone) {
        Ops tf = h.tf();
        assertThat(h.scalar(masked)).isCloseTo(h.scalar(alone), within(1e-5)).isGreaterThan(0.01);
        float[] gm = h.eval(tf.gradients(masked, List.of(c)).<TFloat32>dy(0));
        float[] ga = h.eval(tf.gradients(alone, List.of(c)).<TFloat32>dy(0));
        assertThat(gm).containsExactly(ga, within(1e-5f));
        for (int j = 0; j < K; j++) {
            assertThat(gm[1 * K + j]).as("absent row 1").isCloseTo(0f, within(0f));
        }
        assertThat(h.gradientError(masked, c, 1e-2)).isLessThan(2e-3);
    }

    @Test
    void neighbourListsOfThePresentSamplesAlone() {
        for (String diagonal : VcrLoss.DIAGONALS) {
            try (BlockHarness h = new BlockHarness(K, N, 3)) {
                Ops tf = h.tf();
                Operand<TFloat32> c = h.randomInput(N, K);
                float[][][] view = lists(1);
                float[][][] joint = lists(2);
                Map<String, Operand<TFloat32>> in = new HashMap<>(Map.of("c", c, "index", h.input(view[0]), "weight", h.input(view[1]),
                        "joint_index", h.input(joint[0]), "joint_weight", h.input(joint[1])));
                in.put("mask", h.input(MASK));
                Operand<TFloat32> masked = vcr(h, in, diagonal);
                float[][][] va = alone(view);
                float[][][] ja = alone(joint);
                Operand<TFloat32> alone = vcr(h, Map.of("c", tf.gather(c, tf.constant(PRESENT), tf.constant(0)), "index", h.input(va[0]),
                        "weight", h.input(va[1]), "joint_index", h.input(ja[0]), "joint_weight", h.input(ja[1])), diagonal);
                assertAsAlone(h, c, masked, alone);
            }
        }
    }

    @Test
    void denseGraphsOfThePresentSamplesAlone() {
        for (String diagonal : VcrLoss.DIAGONALS) {
            try (BlockHarness h = new BlockHarness(K, N, 4)) {
                Ops tf = h.tf();
                Operand<TFloat32> c = h.randomInput(N, K);
                Random r = new Random(3);
                float[][] g = new float[N][N];
                float[][] j = new float[N][N];
                for (int a = 0; a < N; a++) {
                    for (int b = 0; b < N; b++) {
                        g[a][b] = a == b ? 1 : r.nextFloat();
                        j[a][b] = a == b ? 1 : r.nextFloat();
                    }
                }
                Operand<TFloat32> masked = vcr(h, Map.of("c", c, "graph", h.input(g), "joint", h.input(j), "mask", h.input(MASK)), diagonal);
                Operand<org.tensorflow.types.TInt32> rows = tf.constant(PRESENT);
                Operand<TFloat32> alone = vcr(h, Map.of("c", tf.gather(c, rows, tf.constant(0)), "graph", square(tf, h.input(g)),
                        "joint", square(tf, h.input(j))), diagonal);
                assertAsAlone(h, c, masked, alone);
            }
        }
    }

    /** The present rows and columns of a samples × samples matrix. */
    private static Operand<TFloat32> square(Ops tf, Operand<TFloat32> m) {
        Operand<org.tensorflow.types.TInt32> rows = tf.constant(PRESENT);
        return tf.gather(tf.gather(m, rows, tf.constant(0)), rows, tf.constant(1));
    }
}
