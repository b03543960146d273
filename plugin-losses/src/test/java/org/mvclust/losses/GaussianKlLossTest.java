package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class GaussianKlLossTest {
    private static Operand<TFloat32> kl(BlockHarness h, float[][] mu, float[][] sigma) {
        return kl(h, h.input(mu), h.input(sigma));
    }

    private static Operand<TFloat32> kl(BlockHarness h, Operand<TFloat32> mu, Operand<TFloat32> sigma) {
        return h.build(new GaussianKlLoss(), Map.of("mu", mu, "sigma", sigma), Map.of(), Map.of()).get("loss");
    }

    private static float[][] filled(int rows, int cols, float v) {
        float[][] m = new float[rows][cols];
        for (float[] r : m) {
            java.util.Arrays.fill(r, v);
        }
        return m;
    }

    @Test
    void standardNormalIsZeroAndUnitMeanIsHalfTheWidth() {
        try (BlockHarness h = new BlockHarness(2, 3, 1)) {
            Operand<TFloat32> zero = kl(h, filled(3, 256, 0), filled(3, 256, 1));
            Operand<TFloat32> unit = kl(h, filled(3, 256, 1), filled(3, 256, 1));
            // a batch mean: the value for identical rows does not depend on the batch size
            Operand<TFloat32> unit7 = kl(h, filled(7, 256, 1), filled(7, 256, 1));
            assertThat(h.scalar(zero)).isCloseTo(0, within(1e-6));
            assertThat(h.scalar(unit)).isCloseTo(128, within(1e-3));
            assertThat(h.scalar(unit7)).isCloseTo(128, within(1e-3));
        }
    }

    @Test
    void matchesTheClosedFormByHand() {
        float[][] mu = {{0.5f, -1f}, {2f, 0f}};
        float[][] sigma = {{0.5f, 2f}, {1f, 0.1f}};
        double total = 0;
        for (int n = 0; n < 2; n++) {
            for (int d = 0; d < 2; d++) {
                double s2 = sigma[n][d] * sigma[n][d];
                total += 0.5 * (mu[n][d] * mu[n][d] + s2 - 1 - Math.log(s2));
            }
        }
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            assertThat(h.scalar(kl(h, mu, sigma))).isCloseTo(total / 2, within(1e-5));
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(2, 4, 3)) {
            Operand<TFloat32> mu = h.randomInput(4, 3);
            float[][] s = {{0.5f, 1.2f, 0.8f}, {1.5f, 0.7f, 0.9f}, {1.1f, 0.6f, 2f}, {0.9f, 1.3f, 0.4f}};
            Operand<TFloat32> sigma = h.input(s);
            Operand<TFloat32> loss = kl(h, mu, sigma);
            assertThat(h.gradientError(loss, mu, 1e-2)).isLessThan(1e-3);
            assertThat(h.gradientError(loss, sigma, 1e-3)).isLessThan(2e-3);
        }
    }

    @Test
    void descendingLowersTheCompressionTerm() {
        try (BlockHarness h = new BlockHarness(2, 4, 3)) {
            Operand<TFloat32> mu = h.randomInput(4, 3);
            Operand<TFloat32> loss = kl(h, mu, h.input(filled(4, 3, 0.5f)));
            var g = h.tf().gradients(loss, List.of(mu));
            double before = h.scalar(loss);
            h.set(mu, JointMiLossTest.descend(h.eval(mu), h.eval(g.<TFloat32>dy(0)), 0.1));
            assertThat(h.scalar(loss)).isLessThan(before);
        }
    }

    @Test
    void meanReductionDividesByTheWidth() {
        try (BlockHarness h = new BlockHarness(2, 3, 1)) {
            Operand<TFloat32> loss = h.build(new GaussianKlLoss(), Map.of("mu", h.input(filled(3, 256, 1)),
                    "sigma", h.input(filled(3, 256, 1))), Map.of(), Map.of("reduction", "mean")).get("loss");
            assertThat(h.scalar(loss)).isCloseTo(0.5, within(1e-6));
        }
    }

    /** DMIM's form: mean over elements of softmax(p)·(log softmax(p) − log softmax(z)), p the harness's fixed-seed prior draw. */
    @Test
    void sampledSoftmaxFormIsAKlBetweenRowSoftmaxes() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> z = h.randomInput(4, 5);
            Operand<TFloat32> mu = h.randomInput(4, 5);
            Operand<TFloat32> loss = h.build(new GaussianKlLoss(), Map.of("mu", mu, "sigma", h.input(filled(4, 5, 1)), "sample", z),
                    Map.of(), Map.of("form", "sampled_softmax")).get("loss");
            Operand<TFloat32> same = h.build(new GaussianKlLoss(), Map.of("mu", mu, "sigma", h.input(filled(4, 5, 1)), "sample", z),
                    Map.of(), Map.of("form", "sampled_softmax")).get("loss");
            double value = h.scalar(loss);
            // a KL between distributions is ≥ 0; per element it is bounded by the row KL / width
            assertThat(value).isPositive().isLessThan(5.0);
            assertThat(h.gradientError(loss, z, 1e-2)).isLessThan(2e-3);
            // two blocks draw different priors (salted seeds), so their values differ
            assertThat(h.scalar(same)).isNotEqualTo(value);
        }
    }
}
