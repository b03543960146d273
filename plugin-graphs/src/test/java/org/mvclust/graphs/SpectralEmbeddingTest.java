package org.mvclust.graphs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class SpectralEmbeddingTest {
    private static float[] embed(float[][] w, int dims, int clusters) {
        try (BlockHarness h = new BlockHarness(clusters, w.length, 1)) {
            Operand<TFloat32> out = h.build(new SpectralEmbedding(), Map.of("affinity", h.input(w)), Map.of(), Map.of("dims", dims)).get("out");
            return h.eval(out);
        }
    }

    /** Two connected nodes: L = [[1, −1], [−1, 1]], eigenvalues 0 and 2; the first eigenvector is ±(1, 1)/√2. */
    @Test
    void twoNodes() {
        float[] v = embed(new float[][] {{0, 1}, {1, 0}}, 1, 2);
        assertThat(v).hasSize(2);
        assertThat(Math.abs(v[0])).isCloseTo((float) Math.sqrt(0.5), within(1e-5f));
        assertThat(v[1]).isCloseTo(v[0], within(1e-5f));
    }

    /**
     * Components {0, 1, 2} and {3, 4}: eigenvalue 0 twice, its eigenvectors spanned by D^½ times each component's
     * indicator, so rows within a component coincide (equal degrees) and the two components' rows differ.
     */
    @Test
    void disconnectedComponentsSeparate() {
        float[][] w = {
            {0, 1, 1, 0, 0},
            {1, 0, 1, 0, 0},
            {1, 1, 0, 0, 0},
            {0, 0, 0, 0, 1},
            {0, 0, 0, 1, 0}};
        float[] v = embed(w, 0, 2);
        assertThat(v).hasSize(10);
        for (int c = 0; c < 2; c++) {
            assertThat(v[2 + c]).isCloseTo(v[c], within(1e-5f));
            assertThat(v[4 + c]).isCloseTo(v[c], within(1e-5f));
            assertThat(v[8 + c]).isCloseTo(v[6 + c], within(1e-5f));
        }
        double gap = Math.hypot(v[0] - v[6], v[1] - v[7]);
        assertThat(gap).isGreaterThan(0.5);
        // orthonormal columns
        double n0 = 0;
        double dot = 0;
        for (int i = 0; i < 5; i++) {
            n0 += v[2 * i] * v[2 * i];
            dot += v[2 * i] * v[2 * i + 1];
        }
        assertThat(n0).isCloseTo(1, within(1e-5));
        assertThat(dot).isCloseTo(0, within(1e-5));
    }
}
