package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class NtXentLossTest {
    private static Operand<TFloat32> loss(BlockHarness h, List<Operand<TFloat32>> views, Map<String, Operand<TFloat32>> one,
                                          Map<String, Object> params) {
        return h.build(new NtXentLoss(), one, Map.of("views", views), params).get("loss");
    }

    /** Two views, both {e1, e2}, tau 1: each row's cross-entropy is log(e + 1 + 1) − 1 (positive e¹, e⁰ across, e⁰ within). */
    @Test
    void handComputedTwoSamples() {
        float[][] eye = {{1, 0}, {0, 1}};
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> l = loss(h, List.of(h.input(eye), h.input(eye)), Map.of(), Map.of("tau", 1.0));
            assertThat(h.scalar(l)).isCloseTo(2 * (Math.log(Math.E + 2) - 1), within(1e-6));
        }
        // scaling the rows changes nothing (they are l2-normalised); tau 0.5 doubles every logit
        float[][] scaled = {{3, 0}, {0, 0.5f}};
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> l = loss(h, List.of(h.input(scaled), h.input(eye)), Map.of(), Map.of("tau", 0.5));
            double e2 = Math.exp(2);
            assertThat(h.scalar(l)).isCloseTo(2 * (Math.log(e2 + 2) - 2), within(1e-5));
        }
    }

    /** Random inputs, three views, against a direct double-precision transcription of DeepMVC's Contrast. */
    @Test
    void matchesDeepMvcFormulaOnThreeViews() {
        Random rng = new Random(3);
        double[][][] v = new double[3][5][4];
        for (double[][] view : v) {
            for (double[] row : view) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = rng.nextGaussian();
                }
            }
        }
        double tau = 0.3;
        double expected = 0;
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                expected += (2.0 / 6) * (ce(v[a], v[b], tau) + ce(v[b], v[a], tau));
            }
        }
        try (BlockHarness h = new BlockHarness(2, 5, 1)) {
            List<Operand<TFloat32>> in = List.of(h.input(f(v[0])), h.input(f(v[1])), h.input(f(v[2])));
            Operand<TFloat32> w = h.input(new float[][] {{0.2f, 0.5f, 0.3f}});
            Operand<TFloat32> plain = loss(h, in, Map.of(), Map.of("tau", tau));
            Operand<TFloat32> adaptive = loss(h, in, Map.of("weights", h.tf().reshape(w, h.tf().constant(new long[] {3}))),
                    Map.of("tau", tau));
            assertThat(h.scalar(plain)).isCloseTo(expected, within(1e-5));
            assertThat(h.scalar(adaptive)).isCloseTo(0.2 * expected, within(1e-5));
            // 0·Σw keeps w reachable, so its gradient is that of the loss alone
            var tf = h.tf();
            Operand<TFloat32> reach = tf.math.add(adaptive, tf.math.mul(tf.constant(0f), tf.sum(w, tf.constant(new int[] {0, 1}))));
            float[] gw = h.eval(tf.gradients(reach, List.of(w)).<TFloat32>dy(0));
            assertThat(gw).containsOnly(0f);
        }
    }

    private static double ce(double[][] a, double[][] b, double tau) {
        int n = a.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int j = 0; j < n; j++) {
                z += Math.exp(cos(a[i], b[j]) / tau);
                if (j != i) {
                    z += Math.exp(cos(a[i], a[j]) / tau);
                }
            }
            sum += Math.log(z) - cos(a[i], b[i]) / tau;
        }
        return sum / n;
    }

    private static double cos(double[] x, double[] y) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int k = 0; k < x.length; k++) {
            xy += x[k] * y[k];
            xx += x[k] * x[k];
            yy += y[k] * y[k];
        }
        return xy / Math.sqrt(xx * yy);
    }

    private static float[][] f(double[][] x) {
        float[][] out = new float[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                out[i][j] = (float) x[i][j];
            }
        }
        return out;
    }

    /**
     * Sampled negatives, identical views {e1, e2} in different clusters, tau 1: whichever of the other cluster's rows
     * is drawn, its logit is 0, so every row costs log(e + 1) − 1; one cluster for all leaves no negative: loss 0.
     */
    @Test
    void sampledNegativesComeFromOtherClusters() {
        float[][] eye = {{1, 0}, {0, 1}};
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Map<String, Object> params = Map.of("tau", 1.0, "negatives", "sampled", "ratio", 2.0);
            Operand<TFloat32> split = loss(h, List.of(h.input(eye), h.input(eye)),
                    Map.of("assignments", h.input(new float[][] {{0.9f, 0.1f}, {0.2f, 0.8f}})), params);
            Operand<TFloat32> same = loss(h, List.of(h.input(eye), h.input(eye)),
                    Map.of("assignments", h.input(new float[][] {{0.9f, 0.1f}, {0.6f, 0.4f}})), params);
            // ratio 2: 8 draws a row, all from the single other-cluster sample of each view: log(e + 8) − 1
            assertThat(h.scalar(split)).isCloseTo(Math.log(Math.E + 8) - 1, within(1e-5));
            assertThat(h.scalar(same)).isCloseTo(0, within(1e-7));
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(3, 6, 4)) {
            Operand<TFloat32> a = h.randomInput(6, 4);
            Operand<TFloat32> b = h.randomInput(6, 4);
            Operand<TFloat32> c = h.randomInput(6, 4);
            Operand<TFloat32> all = loss(h, List.of(a, b, c), Map.of(), Map.of("tau", 0.5));
            Operand<TFloat32> sampled = loss(h, List.of(a, b), Map.of("assignments", h.randomInput(6, 3)),
                    Map.of("tau", 0.5, "negatives", "sampled", "ratio", 1.0));
            assertThat(h.gradientError(all, a, 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(all, c, 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(sampled, a, 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(sampled, b, 1e-2)).isLessThan(2e-3);
        }
    }

    @Test
    void badWiringIsNamed() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> a = h.randomInput(4, 3);
            assertThatThrownBy(() -> loss(h, List.of(a), Map.of(), Map.of())).hasMessageContaining("at least two views");
            assertThatThrownBy(() -> loss(h, List.of(a, h.randomInput(4, 2)), Map.of(), Map.of()))
                    .hasMessageContaining("view 1 has 2");
            assertThatThrownBy(() -> loss(h, List.of(a, a), Map.of(), Map.of("negatives", "sampled")))
                    .hasMessageContaining("'assignments'");
        }
    }
}
