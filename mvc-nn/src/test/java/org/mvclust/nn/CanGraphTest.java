package org.mvclust.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class CanGraphTest {
    @Test
    void neighboursNearestFirstWithCanWeights() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> x = h.input(new float[][] {{0}, {1}, {3}, {7}});
            CanGraph.Neighbours nb = CanGraph.nearest(h.tf(), x, 2, false);
            float[] index = h.eval(h.tf().dtypes.cast(nb.index(), TFloat32.class));
            assertThat(index).containsExactly(1, 2, 0, 2, 1, 0, 2, 1);
            // row 0: d = 1, 9 -> (9 - 1) / (2·9 − 10 + 1e-8) = 1 and 0
            // row 3: d = 16, 36 -> (36 − 16) / (72 − 52) = 1 and 0
            assertThat(h.eval(nb.weight())).containsExactly(new float[] {1, 0, 1, 0, 1, 0, 1, 0}, within(1e-6f));
            assertThat(h.eval(h.tf().dtypes.cast(CanGraph.rows(h.tf(), nb.index()), TFloat32.class))).containsExactly(0, 0, 1, 1, 2, 2, 3, 3);
        }
    }

    @Test
    void weightsOfThreeNeighboursAndTheirGradient() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> x = h.input(new float[][] {{0}, {1}, {3}, {7}});
            CanGraph.Neighbours nb = CanGraph.nearest(h.tf(), x, 3, true);
            Operand<TFloat32> probe = h.probe(nb.weight());
            // row 0: d = 1, 9, 49; denominator 3·49 − 59 = 88 -> 48/88, 40/88, 0 (no ties, so finite differences
            // keep the neighbours)
            float[] w = h.eval(nb.weight());
            assertThat(w[0]).isCloseTo(48f / 88, within(1e-5f));
            assertThat(w[1]).isCloseTo(40f / 88, within(1e-5f));
            assertThat(w[2]).isCloseTo(0f, within(1e-6f));
            assertThat(h.gradientError(probe, x, 1e-3)).isLessThan(1e-2);
        }
    }

    @Test
    void nearDuplicateRowsKeepWeightsInZeroOne() {
        // six copies of one row, as mean imputation leaves, with rounding-size jitter, and two other rows: the plain
        // denominator k·d_k − Σ d is then rounding noise; the weights must stay finite, in [−0.01, 1], rows summing to ≤ 1
        float[][] rows = new float[8][];
        for (int i = 0; i < 6; i++) {
            rows[i] = new float[] {100f + i * 1e-5f, -50f, 75f - i * 1e-5f};
        }
        rows[6] = new float[] {0, 0, 0};
        rows[7] = new float[] {1, 2, 3};
        try (BlockHarness h = new BlockHarness(2, 8, 3)) {
            Operand<TFloat32> x = h.input(rows);
            for (boolean gradient : new boolean[] {false, true}) {
                float[] w = h.eval(CanGraph.nearest(h.tf(), x, 4, gradient).weight());
                for (int i = 0; i < 8; i++) {
                    float sum = 0;
                    for (int j = 0; j < 4; j++) {
                        assertThat(w[i * 4 + j]).isBetween(-0.01f, 1f);
                        sum += w[i * 4 + j];
                    }
                    assertThat(sum).isLessThanOrEqualTo(1.0001f);
                }
                float[] masked = h.eval(CanGraph.nearest(h.tf(), x, 4, gradient, h.tf().constant(new float[][] {{1}, {1}, {1}, {1}, {1}, {1}, {1}, {0}})).weight());
                for (float v : masked) {
                    assertThat(v).isBetween(-0.01f, 1f);
                }
            }
        }
    }
}
