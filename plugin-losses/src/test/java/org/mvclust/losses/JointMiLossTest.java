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
import org.tensorflow.types.TFloat32;

class JointMiLossTest {
    private static Operand<TFloat32> mi(BlockHarness h, Operand<TFloat32> a, Operand<TFloat32> b, Map<String, Object> params) {
        return h.build(new JointMiLoss(), Map.of("a", a, "b", b), Map.of(), params).get("loss");
    }

    private static float[][] oneHot(int[] labels, int k) {
        float[][] rows = new float[labels.length][k];
        for (int i = 0; i < labels.length; i++) {
            rows[i][labels[i]] = 1;
        }
        return rows;
    }

    @Test
    void identicalOneHotGivesLogK() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            float[][] eye = oneHot(new int[] {0, 1}, 2);
            assertThat(h.scalar(mi(h, h.input(eye), h.input(eye), Map.of()))).isCloseTo(Math.log(2), within(1e-6));
        }
        try (BlockHarness h = new BlockHarness(4, 12, 1)) {
            float[][] rows = oneHot(new int[] {0, 1, 2, 3, 3, 2, 1, 0, 2, 0, 3, 1}, 4);
            assertThat(h.scalar(mi(h, h.input(rows), h.input(rows), Map.of()))).isCloseTo(Math.log(4), within(1e-5));
        }
    }

    @Test
    void independentRowsGiveZero() {
        float[][] half = {{0.5f, 0.5f}, {0.5f, 0.5f}, {0.5f, 0.5f}};
        float[][] other = {{0.9f, 0.1f}, {0.2f, 0.8f}, {0.4f, 0.6f}};
        try (BlockHarness h = new BlockHarness(2, 3, 1)) {
            Operand<TFloat32> same = mi(h, h.input(half), h.input(half), Map.of());
            // a uniform row carries no information about the other side, whatever that is (without symmetrising)
            Operand<TFloat32> mixed = mi(h, h.input(half), h.input(other), Map.of("symmetrise", false));
            assertThat(h.scalar(same)).isCloseTo(0, within(1e-6));
            assertThat(h.scalar(mixed)).isCloseTo(0, within(1e-6));
        }
    }

    @Test
    void completerWeightingScalesTheMarginals() {
        // identical one-hot K = 2: Σ P (log P − 10 log p − 10 log q) = 0.5·2·(ln 0.5 − 20 ln 0.5) = 19 ln 2
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            float[][] eye = oneHot(new int[] {0, 1}, 2);
            assertThat(h.scalar(mi(h, h.input(eye), h.input(eye), Map.of("lambda", 9.0)))).isCloseTo(19 * Math.log(2), within(1e-5));
        }
    }

    @Test
    void matchesAHandComputedJointMatrix() {
        float[][] a = {{0.7f, 0.3f}, {0.2f, 0.8f}, {0.6f, 0.4f}};
        float[][] b = {{0.9f, 0.1f}, {0.3f, 0.7f}, {0.5f, 0.5f}};
        double[][] p = new double[2][2];
        for (int n = 0; n < 3; n++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    p[i][j] += a[n][i] * b[n][j];
                }
            }
        }
        double s01 = (p[0][1] + p[1][0]) / 2;
        p[0][1] = s01;
        p[1][0] = s01;
        double total = p[0][0] + p[1][1] + 2 * s01;
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double pij = p[i][j] / total;
                double pi = (p[i][0] + p[i][1]) / total;
                double pj = (p[0][j] + p[1][j]) / total;
                expected += pij * Math.log(pij / (pi * pj));
            }
        }
        try (BlockHarness h = new BlockHarness(2, 3, 1)) {
            assertThat(h.scalar(mi(h, h.input(a), h.input(b), Map.of()))).isCloseTo(expected, within(1e-6));
        }
    }

    @Test
    void symmetricPermutationInvariantAndNonNegative() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 5; trial++) {
            float[][] a = randomSoftmax(rng, 10, 4);
            float[][] b = randomSoftmax(rng, 10, 4);
            float[][] pa = new float[10][];
            float[][] pb = new float[10][];
            for (int i = 0; i < 10; i++) {
                pa[i] = a[(i * 3) % 10];
                pb[i] = b[(i * 3) % 10];
            }
            try (BlockHarness h = new BlockHarness(4, 10, 1)) {
                Operand<TFloat32> lab = mi(h, h.input(a), h.input(b), Map.of());
                Operand<TFloat32> lba = mi(h, h.input(b), h.input(a), Map.of());
                Operand<TFloat32> lperm = mi(h, h.input(pa), h.input(pb), Map.of());
                double ab = h.scalar(lab);
                double ba = h.scalar(lba);
                double perm = h.scalar(lperm);
                assertThat(ab).isGreaterThanOrEqualTo(0).isCloseTo(ba, within(1e-6)).isCloseTo(perm, within(1e-6));
            }
        }
    }

    @Test
    void pairsSumTheirJointTerms() {
        try (BlockHarness h = new BlockHarness(3, 6, 2)) {
            List<Operand<TFloat32>> v = List.of(h.randomInput(6, 5), h.randomInput(6, 5), h.randomInput(6, 5));
            Map<String, Object> soft = Map.of("transform", "softmax");
            List<Operand<TFloat32>> pairs = new java.util.ArrayList<>();
            for (int[] pair : new int[][] {{0, 1}, {0, 2}, {1, 2}}) {
                pairs.add(mi(h, v.get(pair[0]), v.get(pair[1]), soft));
            }
            Operand<TFloat32> all = h.build(new JointMiPairsLoss(), Map.of(), Map.of("views", v), soft).get("loss");
            double sum = 0;
            for (Operand<TFloat32> t : pairs) {
                sum += h.scalar(t);
            }
            assertThat(h.scalar(all)).isCloseTo(sum, within(1e-6));
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(3, 6, 3)) {
            Operand<TFloat32> a = h.randomInput(6, 4);
            Operand<TFloat32> b = h.randomInput(6, 4);
            Operand<TFloat32> loss = mi(h, a, b, Map.of("transform", "softmax"));
            List<Operand<TFloat32>> v = List.of(a, b, h.randomInput(6, 4));
            Operand<TFloat32> pairs = h.build(new JointMiPairsLoss(), Map.of(), Map.of("views", v),
                    Map.of("transform", "softmax", "lambda", 1.0)).get("loss");
            assertThat(h.gradientError(loss, a, 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(loss, b, 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(pairs, v.get(2), 1e-2)).isLessThan(2e-3);
        }
    }

    @Test
    void detachedGuideGetsNoGradient() {
        try (BlockHarness h = new BlockHarness(3, 6, 3)) {
            Operand<TFloat32> a = h.randomInput(6, 4);
            Operand<TFloat32> b = h.randomInput(6, 4);
            Operand<TFloat32> detached = mi(h, a, b, Map.of("transform", "softmax", "detach_b", true));
            // 0·Σb keeps b reachable, so its gradient is that of the detached path alone
            var tf = h.tf();
            Operand<TFloat32> loss = tf.math.add(detached, tf.math.mul(tf.constant(0f), tf.sum(b, tf.constant(new int[] {0, 1}))));
            var g = tf.gradients(loss, List.of(a, b));
            float[] ga = h.eval(g.<TFloat32>dy(0));
            float[] gb = h.eval(g.<TFloat32>dy(1));
            assertThat(gb).containsOnly(0f);
            assertThat(maxAbs(ga)).isGreaterThan(1e-4);
        }
    }

    /** Minimising weight·I by gradient steps: weight +1 (compression) lowers I, weight −1 (preservation) raises it. */
    @Test
    void signConventionCompressionLowersPreservationRaises() {
        for (double weight : new double[] {1, -1}) {
            try (BlockHarness h = new BlockHarness(3, 8, 5)) {
                Operand<TFloat32> a = h.randomInput(8, 3);
                Operand<TFloat32> b = h.randomInput(8, 3);
                Operand<TFloat32> loss = mi(h, a, b, Map.of("transform", "softmax"));
                var grads = h.tf().gradients(loss, List.of(a, b));
                double before = h.scalar(loss);
                for (int step = 0; step < 20; step++) {
                    float[] ga = h.eval(grads.<TFloat32>dy(0));
                    float[] gb = h.eval(grads.<TFloat32>dy(1));
                    h.set(a, descend(h.eval(a), ga, 0.5 * weight));
                    h.set(b, descend(h.eval(b), gb, 0.5 * weight));
                }
                double after = h.scalar(loss);
                if (weight > 0) {
                    assertThat(after).isLessThan(before);
                } else {
                    assertThat(after).isGreaterThan(before);
                }
            }
        }
    }

    static float[] descend(float[] x, float[] g, double lr) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (x[i] - lr * g[i]);
        }
        return out;
    }

    static double maxAbs(float[] v) {
        double m = 0;
        for (float x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static float[][] randomSoftmax(Random rng, int n, int k) {
        float[][] rows = new float[n][k];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double[] e = new double[k];
            for (int j = 0; j < k; j++) {
                e[j] = Math.exp(2 * rng.nextGaussian());
                sum += e[j];
            }
            for (int j = 0; j < k; j++) {
                rows[i][j] = (float) (e[j] / sum);
            }
        }
        return rows;
    }
}
