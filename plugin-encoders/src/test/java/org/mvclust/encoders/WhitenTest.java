package org.mvclust.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class WhitenTest {
    @Test
    void outputHasIdentityCovarianceForCorrelatedIllScaledInput() {
        int n = 400, d = 4;
        Random rng = new Random(3);
        float[][] x = new float[n][d];
        for (float[] row : x) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            // strongly correlated columns with variances from 25 down to 0.01
            row[0] = (float) (5 * a + 3);
            row[1] = (float) (4 * a + 0.5 * b);
            row[2] = (float) (0.3 * b + 0.1 * rng.nextGaussian());
            row[3] = (float) (0.1 * rng.nextGaussian() - 2);
        }
        try (BlockHarness h = new BlockHarness(2, n, 1)) {
            Operand<TFloat32> out = h.build(new Whiten(), Map.of("x", h.input(x)), Map.of(),
                    Map.of("iterations", 30, "eps", 0.0)).get("out");
            float[] y = h.eval(out);
            for (int i = 0; i < d; i++) {
                double mean = 0;
                for (int r = 0; r < n; r++) {
                    mean += y[r * d + i];
                }
                assertThat(mean / n).isCloseTo(0, within(1e-4));
                for (int j = 0; j < d; j++) {
                    double c = 0;
                    for (int r = 0; r < n; r++) {
                        c += y[r * d + i] * y[r * d + j];
                    }
                    assertThat(c / n).as("covariance %d,%d", i, j).isCloseTo(i == j ? 1 : 0, within(2e-3));
                }
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(2, 8, 2)) {
            Operand<TFloat32> x = h.randomInput(8, 3);
            Operand<TFloat32> y = h.build(new Whiten(), Map.of("x", x), Map.of(), Map.of("iterations", 6)).get("out");
            assertThat(h.gradientError(h.probe(y), x, 1e-2)).isLessThan(1e-2);
        }
    }
}
