package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class StructureLossTest {
    /** A random anchor graph: each row has k non-zeros summing to 1. */
    static float[][] anchorGraph(int n, int m, int k, Random rng) {
        float[][] s = new float[n][m];
        for (float[] row : s) {
            double sum = 0;
            for (int t = 0; t < k; t++) {
                int j;
                do {
                    j = rng.nextInt(m);
                } while (row[j] != 0);
                row[j] = 0.1f + rng.nextFloat();
                sum += row[j];
            }
            for (int j = 0; j < m; j++) {
                row[j] /= (float) sum;
            }
        }
        return s;
    }

    /** Σ_ij ‖z_i − z_j‖² g_ij with G = S D_S^-1 Sᵀ built explicitly (n × n). */
    static double explicit(float[][] z, float[][] s) {
        int n = z.length;
        int m = s[0].length;
        double[] deg = new double[m];
        for (float[] row : s) {
            for (int j = 0; j < m; j++) {
                deg[j] += row[j];
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                double g = 0;
                for (int j = 0; j < m; j++) {
                    g += deg[j] > 0 ? s[i][j] * s[l][j] / deg[j] : 0;
                }
                double d2 = 0;
                for (int c = 0; c < z[0].length; c++) {
                    d2 += (z[i][c] - z[l][c]) * (z[i][c] - z[l][c]);
                }
                total += d2 * g;
            }
        }
        return total;
    }

    @Test
    void traceFormEqualsExplicitSampleGraphSum() {
        Random rng = new Random(11);
        int n = 50, m = 12, d = 4;
        float[][] s = anchorGraph(n, m, 5, rng);
        float[][] z = new float[n][d];
        for (float[] row : z) {
            for (int c = 0; c < d; c++) {
                row[c] = (float) rng.nextGaussian();
            }
        }
        double expected = explicit(z, s);
        try (BlockHarness h = new BlockHarness(3, n, 1)) {
            Operand<TFloat32> loss = h.build(new StructureLoss(), Map.of("z", h.input(z), "s", h.input(s)), Map.of(), Map.of()).get("loss");
            Operand<TFloat32> mean = h.build(new StructureLoss(), Map.of("z", h.input(z), "s", h.input(s)), Map.of(),
                    Map.of("mean", true)).get("loss");
            assertThat(h.scalar(loss)).isCloseTo(expected, within(1e-4 * expected));
            assertThat(h.scalar(mean)).isCloseTo(expected / n, within(1e-4 * expected / n));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Random rng = new Random(5);
        try (BlockHarness h = new BlockHarness(2, 6, 5)) {
            Operand<TFloat32> z = h.randomInput(6, 3);
            Operand<TFloat32> s = h.input(anchorGraph(6, 4, 2, rng));
            Operand<TFloat32> loss = h.build(new StructureLoss(), Map.of("z", z, "s", s), Map.of(), Map.of()).get("loss");
            assertThat(h.gradientError(loss, z, 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(loss, s, 1e-3)).isLessThan(2e-2);
        }
    }
}
