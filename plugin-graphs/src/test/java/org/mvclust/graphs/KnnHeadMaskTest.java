package org.mvclust.graphs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** knn with a mask: the graph of the present rows alone; absent rows are nobody's neighbour and have none. */
class KnnHeadMaskTest {
    private static final int N = 12;
    private static final int[] PRESENT = {0, 2, 3, 5, 6, 8, 9, 11};

    private static float[][] data() {
        Random r = new Random(5);
        float[][] x = new float[N][3];
        for (float[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = (float) r.nextGaussian();
            }
        }
        return x;
    }

    private static float[][] mask(int... present) {
        float[][] m = new float[N][1];
        for (int i : present) {
            m[i][0] = 1;
        }
        return m;
    }

    /** Masked lists against the lists of the present rows alone (k = 3), mapped back to batch positions. */
    private static void assertAsAlone(BlockHarness h, int[] present, int kAlone, int k, boolean gradient) {
        Ops tf = h.tf();
        Operand<TFloat32> x = h.input(data());
        Map<String, Object> params = Map.of("k", k, "gradient", gradient);
        Map<String, Operand<TFloat32>> masked = h.build(new KnnHead(), Map.of("x", x, "mask", h.input(mask(present))), Map.of(), params);
        Map<String, Operand<TFloat32>> alone = h.build(new KnnHead(), Map.of("x", tf.gather(x, tf.constant(present), tf.constant(0))),
                Map.of(), Map.of("k", kAlone, "gradient", gradient));
        float[] mi = h.eval(masked.get("index"));
        float[] mw = h.eval(masked.get("weight"));
        float[] ai = h.eval(alone.get("index"));
        float[] aw = h.eval(alone.get("weight"));
        for (int i = 0; i < N; i++) {
            int a = java.util.Arrays.binarySearch(present, i);
            for (int r = 0; r < k; r++) {
                if (a >= 0 && r < kAlone) {
                    assertThat((int) mi[i * k + r]).as("row " + i).isEqualTo(present[(int) ai[a * kAlone + r]]);
                    assertThat(mw[i * k + r]).as("row " + i).isCloseTo(aw[a * kAlone + r], within(1e-6f));
                } else {
                    assertThat((int) mi[i * k + r]).as("row " + i + " points at itself").isEqualTo(i);
                    assertThat(mw[i * k + r]).as("row " + i).isCloseTo(0f, within(0f));
                }
            }
        }
        if (gradient) {
            Operand<TFloat32> w = h.randomInput(N, k);
            Operand<TFloat32> lm = dot(tf, masked.get("weight"), w);
            Operand<TFloat32> la = dot(tf, alone.get("weight"), tf.gather(tf.slice(w, tf.constant(new int[] {0, 0}),
                    tf.constant(new int[] {-1, kAlone})), tf.constant(present), tf.constant(0)));
            float[] gm = h.eval(tf.gradients(lm, List.of(x)).<TFloat32>dy(0));
            float[] ga = h.eval(tf.gradients(la, List.of(x)).<TFloat32>dy(0));
            assertThat(gm).containsExactly(ga, within(1e-4f));
            // the CAN weights curve sharply here (2·d_3 − d_1 − d_2 is small for some rows): a small step
            assertThat(h.gradientError(lm, x, 3e-4)).isLessThan(2e-3);
        }
    }

    @Test
    void aMaskedGraphIsTheGraphOfThePresentRows() {
        try (BlockHarness h = new BlockHarness(2, N, 1)) {
            assertAsAlone(h, PRESENT, 3, 3, false);
        }
    }

    @Test
    void weightsThatTakeGradientsToo() {
        try (BlockHarness h = new BlockHarness(2, N, 2)) {
            assertAsAlone(h, PRESENT, 3, 3, true);
        }
    }

    /** Three present rows and k = 3: each takes the two others (the second with weight 0), as k = 2 on them alone. */
    @Test
    void fewerPresentRowsThanKTakeThoseThereAre() {
        try (BlockHarness h = new BlockHarness(2, N, 3)) {
            assertAsAlone(h, new int[] {1, 4, 10}, 2, 3, false);
        }
    }

    @Test
    void cachedListsKeepTheMask() {
        float[][] identity = new float[N][1];
        for (int i = 0; i < N; i++) {
            identity[i][0] = i;
        }
        try (BlockHarness h = new BlockHarness(2, N, 4)) {
            Operand<TFloat32> x = h.input(data());
            Operand<TFloat32> m = h.input(mask(PRESENT));
            Operand<TFloat32> rows = h.input(identity);
            Map<String, Operand<TFloat32>> fresh = h.build(new KnnHead(), Map.of("x", x, "mask", m, "sample_index", rows),
                    Map.of(), Map.of("k", 3));
            Map<String, Operand<TFloat32>> cached = h.build(new KnnHead(), Map.of("x", x, "mask", m, "sample_index", rows),
                    Map.of(), Map.of("k", 3, "cache", true));
            h.set(h.variable("knn.cache"), h.eval(fresh.get("computed")));
            assertThat(h.eval(cached.get("index"))).containsExactly(h.eval(fresh.get("index")));
            assertThat(h.eval(cached.get("weight"))).containsExactly(h.eval(fresh.get("weight")));
        }
    }

    private static Operand<TFloat32> dot(Ops tf, Operand<TFloat32> y, Operand<TFloat32> w) {
        return tf.sum(tf.reshape(tf.math.mul(y, w), tf.constant(new long[] {-1})), tf.constant(0));
    }
}
