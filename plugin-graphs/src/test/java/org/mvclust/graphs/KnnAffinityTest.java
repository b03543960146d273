package org.mvclust.graphs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class KnnAffinityTest {
    private static final float[][] X = {{0}, {1}, {3}, {7}};

    private static float[] affinity(Map<String, Object> params) {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> out = h.build(new KnnAffinity(), Map.of("x", h.input(X)), Map.of(), params).get("out");
            return h.eval(out);
        }
    }

    /**
     * Points 0, 1, 3, 7, k = 2: neighbours 0→{1, 3}, 1→{0, 3}, 3→{1, 0}, 7→{3, 1}; squared distances to the second
     * nearest 9, 4, 9, 36, lower median 9 = σ²; then w = exp(−d / 18) on those pairs, symmetrised.
     */
    @Test
    void medianScaleOnTheNeighbourOfRankOne() {
        float[] a = affinity(Map.of("k", 2, "scale_k", 1));
        double[][] expected = new double[4][4];
        put(expected, 0, 1, Math.exp(-1 / 18.0));
        put(expected, 0, 2, Math.exp(-9 / 18.0));
        put(expected, 1, 2, Math.exp(-4 / 18.0));
        put(expected, 2, 3, 0.5 * Math.exp(-16 / 18.0));
        put(expected, 1, 3, 0.5 * Math.exp(-36 / 18.0));
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat((double) a[i * 4 + j]).as("w[%d][%d]", i, j).isCloseTo(expected[i][j], within(1e-6));
            }
        }
    }

    @Test
    void fixedSigma() {
        float[] a = affinity(Map.of("k", 1, "scale_k", 0, "sigma", 1.0));
        // nearest: 0→1, 1→0, 3→1, 7→3
        assertThat((double) a[1]).isCloseTo(Math.exp(-0.5), within(1e-6));
        assertThat((double) a[1 * 4 + 2]).isCloseTo(0.5 * Math.exp(-2), within(1e-6));
        assertThat((double) a[2 * 4 + 3]).isCloseTo(0.5 * Math.exp(-8), within(1e-6));
        assertThat(a[3]).isZero();
    }

    @Test
    void refusesAScaleRankBeyondK() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            assertThatThrownBy(() -> h.build(new KnnAffinity(), Map.of("x", h.input(X)), Map.of(), Map.of("k", 2, "scale_k", 2)))
                    .hasMessageContaining("scale_k < k");
        }
    }

    private static void put(double[][] m, int i, int j, double v) {
        m[i][j] = v;
        m[j][i] = v;
    }
}
