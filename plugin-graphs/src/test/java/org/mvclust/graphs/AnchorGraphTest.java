package org.mvclust.graphs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class AnchorGraphTest {
    private static Map<String, Operand<TFloat32>> build(BlockHarness h, Operand<TFloat32> z, Operand<TFloat32> u, int k) {
        return h.build(new AnchorGraph(), Map.of("z", z, "anchors", u), Map.of(), Map.of("k", k));
    }

    @Test
    void rowsSumToOneWithExactlyKNonZeros() {
        int n = 40, m = 12, k = 5;
        try (BlockHarness h = new BlockHarness(3, n, 1)) {
            float[] s = h.eval(build(h, h.randomInput(n, 4), h.randomInput(m, 4), k).get("s"));
            for (int i = 0; i < n; i++) {
                float[] row = Arrays.copyOfRange(s, i * m, (i + 1) * m);
                double sum = 0;
                int nonZero = 0;
                for (float v : row) {
                    assertThat(v).isGreaterThanOrEqualTo(0f);
                    sum += v;
                    nonZero += v > 0 ? 1 : 0;
                }
                assertThat(sum).isCloseTo(1.0, within(1e-5));
                assertThat(nonZero).isEqualTo(k);
            }
        }
    }

    @Test
    void closedFormByHand() {
        // one sample at 0 on a line; anchors at 1, 2, 3, 4 (squared distances 1, 4, 9, 16); k = 2
        try (BlockHarness h = new BlockHarness(2, 1, 1)) {
            Operand<TFloat32> z = h.input(new float[][] {{0}});
            Operand<TFloat32> u = h.input(new float[][] {{3}, {1}, {4}, {2}});
            float[] s = h.eval(build(h, z, u, 2).get("s"));
            // s_j = (9 - e_j) / (2·9 - 1 - 4) on the two nearest
            assertThat(s[0]).isEqualTo(0f);
            assertThat(s[1]).isCloseTo(8f / 13f, within(1e-6f));
            assertThat(s[2]).isEqualTo(0f);
            assertThat(s[3]).isCloseTo(5f / 13f, within(1e-6f));
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesOnAFixedPattern() {
        int n = 6, m = 7;
        try (BlockHarness h = new BlockHarness(2, n, 5)) {
            Operand<TFloat32> z = h.randomInput(n, 3);
            Operand<TFloat32> u = h.randomInput(m, 3);
            Operand<TFloat32> weights = h.randomInput(n, m);
            Operand<TFloat32> s = build(h, z, u, 3).get("s");
            var tf = h.tf();
            Operand<TFloat32> f = tf.sum(tf.reshape(tf.math.mul(s, weights), tf.constant(new long[] {-1})), tf.constant(0));
            assertThat(h.gradientError(f, z, 1e-3)).isLessThan(2e-2);
            assertThat(h.gradientError(f, u, 1e-3)).isLessThan(2e-2);
        }
    }

    @Test
    void detachedGraphPassesNoGradient() {
        // f = Σ s·w + ½ Σ z²: with detach ∂f/∂z = z exactly; without it, S's dependence on z adds to that
        int n = 6, m = 7;
        for (boolean detach : new boolean[] {true, false}) {
            try (BlockHarness h = new BlockHarness(2, n, 5)) {
                Operand<TFloat32> z = h.randomInput(n, 3);
                Operand<TFloat32> u = h.randomInput(m, 3);
                Operand<TFloat32> weights = h.randomInput(n, m);
                Operand<TFloat32> s = h.build(new AnchorGraph(), Map.of("z", z, "anchors", u), Map.of(),
                        Map.of("k", 3, "detach", detach)).get("s");
                var tf = h.tf();
                Operand<TFloat32> all = tf.math.mul(s, weights);
                Operand<TFloat32> f = tf.math.add(tf.sum(tf.reshape(all, tf.constant(new long[] {-1})), tf.constant(0)),
                        tf.math.mul(tf.constant(0.5f), tf.sum(tf.reshape(tf.math.mul(z, z), tf.constant(new long[] {-1})), tf.constant(0))));
                float[] grad = h.eval(tf.gradients(f, java.util.List.of(z)).dy(0));
                float[] zv = h.eval(z);
                double diff = 0;
                for (int i = 0; i < zv.length; i++) {
                    diff = Math.max(diff, Math.abs(grad[i] - zv[i]));
                }
                if (detach) {
                    assertThat(diff).isLessThan(1e-6);
                } else {
                    assertThat(diff).isGreaterThan(1e-3);
                }
            }
        }
    }

    /** With a mask, an absent sample's row is zeros; a present sample's row is as without the mask. */
    @Test
    void aMaskZeroesTheAbsentRows() {
        int n = 6, m = 5;
        try (BlockHarness h = new BlockHarness(2, n, 4)) {
            Operand<TFloat32> z = h.randomInput(n, 3);
            Operand<TFloat32> u = h.randomInput(m, 3);
            float[] plain = h.eval(build(h, z, u, 2).get("s"));
            float[] masked = h.eval(h.build(new AnchorGraph(), Map.of("z", z, "anchors", u,
                    "mask", h.input(new float[][] {{1}, {0}, {1}, {1}, {0}, {1}})), Map.of(), Map.of("k", 2)).get("s"));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    float expected = i == 1 || i == 4 ? 0f : plain[i * m + j];
                    assertThat(masked[i * m + j]).as("row %d", i).isEqualTo(expected);
                }
            }
        }
    }
}
