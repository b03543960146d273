package org.mvclust.graphs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class KnnGraphTest {
    private static final int N = 30;
    private static final int D = 4;
    private static final int K = 5;

    @Test
    void directedRowsFollowTheCanFormulaAndSumToOne() {
        try (BlockHarness h = new BlockHarness(2, N, 1)) {
            Operand<TFloat32> x = h.randomInput(N, D);
            Operand<TFloat32> p = h.build(new KnnGraph(), Map.of("x", x), Map.of(), Map.of("k", K)).get("directed");
            float[] xs = h.eval(x);
            float[] ps = h.eval(p);
            for (int i = 0; i < N; i++) {
                double[] d = new double[N];
                Integer[] order = new Integer[N];
                for (int j = 0; j < N; j++) {
                    order[j] = j;
                    for (int c = 0; c < D; c++) {
                        double diff = xs[i * D + c] - xs[j * D + c];
                        d[j] += diff * diff;
                    }
                }
                d[i] = Double.POSITIVE_INFINITY;
                Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
                double dk = d[order[K - 1]];
                double sum = 0;
                for (int r = 0; r < K; r++) {
                    sum += d[order[r]];
                }
                double rowSum = 0;
                int positive = 0;
                double[] want = new double[N];
                for (int r = 0; r < K; r++) {
                    want[order[r]] = (dk - d[order[r]]) / (K * dk - sum + 1e-8);
                }
                for (int j = 0; j < N; j++) {
                    assertThat((double) ps[i * N + j]).as("p[%d][%d]", i, j).isCloseTo(want[j], within(2e-5));
                    rowSum += ps[i * N + j];
                    positive += ps[i * N + j] > 0 ? 1 : 0;
                }
                assertThat(rowSum).isCloseTo(1.0, within(1e-5));
                // the k nearest get the weights and the k-th of them gets 0: k - 1 positive entries, none on the diagonal
                assertThat(positive).isEqualTo(K - 1);
                assertThat(ps[i * N + i]).isZero();
                assertThat(ps[i * N + order[K - 1]]).isZero();
            }
        }
    }

    @Test
    void outputIsSymmetricWithUnitDiagonal() {
        try (BlockHarness h = new BlockHarness(2, N, 2)) {
            Operand<TFloat32> x = h.randomInput(N, D);
            Map<String, Operand<TFloat32>> out = h.build(new KnnGraph(), Map.of("x", x), Map.of(), Map.of("k", K));
            float[] g = h.eval(out.get("out"));
            float[] p = h.eval(out.get("directed"));
            for (int i = 0; i < N; i++) {
                assertThat(g[i * N + i]).isEqualTo(1f);
                for (int j = 0; j < N; j++) {
                    assertThat(g[i * N + j]).isEqualTo(g[j * N + i]);
                    if (i != j) {
                        assertThat(g[i * N + j]).isCloseTo((p[i * N + j] + p[j * N + i]) / 2, within(1e-6f));
                    }
                }
            }
        }
    }

    @Test
    void weightsCarryAGradientOnlyWhenAskedTo() {
        // well-separated points on a line, so a small step never changes the neighbour sets
        float[][] rows = new float[8][2];
        for (int i = 0; i < 8; i++) {
            rows[i] = new float[] {i * i * 0.3f, 0.1f * i};
        }
        try (BlockHarness h = new BlockHarness(2, 8, 3)) {
            Operand<TFloat32> x = h.input(rows);
            Operand<TFloat32> w = h.randomInput(8, 8);
            Ops tf = h.tf();
            Operand<TFloat32> g = h.build(new KnnGraph(), Map.of("x", x), Map.of(), Map.of("k", 3, "gradient", true)).get("out");
            Operand<TFloat32> loss = tf.sum(tf.reshape(tf.math.mul(g, w), tf.constant(new long[] {-1})), tf.constant(0));
            assertThat(h.gradientError(loss, x, 1e-3)).isLessThan(5e-3);
        }
        try (BlockHarness h = new BlockHarness(2, 8, 3)) {
            Operand<TFloat32> x = h.input(rows);
            Ops tf = h.tf();
            Operand<TFloat32> g = h.build(new KnnGraph(), Map.of("x", x), Map.of(), Map.of("k", 3)).get("out");
            Operand<TFloat32> loss = tf.math.add(tf.sum(tf.reshape(g, tf.constant(new long[] {-1})), tf.constant(0)),
                    tf.sum(tf.reshape(x, tf.constant(new long[] {-1})), tf.constant(0)));
            float[] grad = h.eval(tf.gradients(loss, List.of(x)).<TFloat32>dy(0));
            for (float v : grad) {
                assertThat(v).isEqualTo(1f);
            }
        }
    }
}
