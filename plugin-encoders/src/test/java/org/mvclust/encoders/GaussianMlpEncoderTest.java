package org.mvclust.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

class GaussianMlpEncoderTest {
    private static final Map<String, Object> SMALL = Map.of("hidden", List.of(6), "out", 4);

    private static Map<String, Operand<TFloat32>> encode(BlockHarness h, Operand<TFloat32> x, Operand<TInt64> seed,
                                                         Map<String, Object> params) {
        h.noiseSeed(seed);
        return h.build(new GaussianMlpEncoder(), Map.of("x", x), Map.of(), params);
    }

    @Test
    void evaluationUsesTheMeanAndIsDeterministic() {
        try (BlockHarness h = new BlockHarness(2, 5, 1)) {
            Map<String, Operand<TFloat32>> e = encode(h, h.randomInput(5, 3), null, SMALL);
            h.training(false);
            float[] out = h.eval(e.get("out"));
            assertThat(out).containsExactly(h.eval(e.get("mu")));
            assertThat(h.eval(e.get("out"))).containsExactly(out);
        }
    }

    @Test
    void trainingSamplesAroundTheMeanWithSigma() {
        try (BlockHarness h = new BlockHarness(2, 200, 1)) {
            Map<String, Operand<TFloat32>> e = encode(h, h.randomInput(200, 3), null, Map.of("hidden", List.of(6), "out", 10));
            h.training(true);
            float[] out = h.eval(e.get("out"));
            float[] mu = h.eval(e.get("mu"));
            float[] sigma = h.eval(e.get("sigma"));
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < out.length; i++) {
                assertThat(sigma[i]).isPositive();
                double z = (out[i] - mu[i]) / sigma[i];
                sum += z;
                sq += z * z;
            }
            double mean = sum / out.length;
            assertThat(mean).isCloseTo(0, within(0.1));
            assertThat(sq / out.length - mean * mean).isCloseTo(1, within(0.1));
        }
    }

    @Test
    void sigmaShiftMovesTheHeadBeforeTheSoftplus() {
        try (BlockHarness h = new BlockHarness(2, 50, 1)) {
            Operand<TFloat32> x = h.randomInput(50, 3);
            Operand<TFloat32> upSigma = encode(h, x, null, Map.of("hidden", List.of(6), "out", 4, "sigma_shift", 20.0)).get("sigma");
            Operand<TFloat32> downSigma = encode(h, x, null, Map.of("hidden", List.of(6), "out", 4, "sigma_shift", -20.0)).get("sigma");
            float[] up = h.eval(upSigma);
            float[] down = h.eval(downSigma);
            for (int i = 0; i < up.length; i++) {
                assertThat(up[i]).as("softplus(s + 20) = s + 20 for a small head s").isBetween(15f, 25f);
                assertThat(down[i]).as("softplus(s - 20) is below 1e-6").isPositive().isLessThan(1e-6f);
            }
        }
    }

    @Test
    void freshNoiseForEachStepSeedAndForEachEncoder() {
        try (BlockHarness h = new BlockHarness(2, 5, 1)) {
            Operand<TFloat32> seedValue = h.input(new float[][] {{3, 0}});
            Operand<TInt64> seed = h.tf().reshape(h.tf().dtypes.cast(seedValue, TInt64.class), h.tf().constant(new long[] {2}));
            Operand<TFloat32> x = h.randomInput(5, 3);
            Map<String, Operand<TFloat32>> first = encode(h, x, seed, SMALL);
            Map<String, Operand<TFloat32>> second = encode(h, x, seed, SMALL);
            h.training(true);
            float[] step0 = eps(h, first);
            assertThat(eps(h, first)).containsExactly(step0);
            assertThat(eps(h, second)).isNotEqualTo(step0);
            h.set(seedValue, new float[] {3, 1});
            assertThat(eps(h, first)).isNotEqualTo(step0);
            h.set(seedValue, new float[] {3, 0});
            assertThat(eps(h, first)).containsExactly(step0);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(2, 4, 2)) {
            Operand<TFloat32> x = h.randomInput(4, 3);
            Map<String, Operand<TFloat32>> e = encode(h, x, null, Map.of("hidden", List.of(5), "out", 3, "activation", "tanh"));
            var tf = h.tf();
            org.tensorflow.Operand<org.tensorflow.types.TInt32> all = tf.constant(new int[] {0, 1});
            Operand<TFloat32> f = tf.math.add(tf.sum(tf.math.mul(e.get("out"), e.get("out")), all), tf.sum(e.get("sigma"), all));
            h.training(true);
            assertThat(h.gradientError(f, x, 1e-2)).isLessThan(2e-3);
        }
    }

    @Test
    void torchInitIsUniformWithinOneOverRootFanIn() {
        try (BlockHarness h = new BlockHarness(2, 4, 2)) {
            h.build(new GaussianMlpEncoder(), Map.of("x", h.randomInput(4, 9)), Map.of(), Map.of("hidden", List.of(50), "out", 3));
            float[] w = h.eval(h.trainables().get(0));
            float[] b = h.eval(h.trainables().get(1));
            assertThat(w).hasSize(9 * 50);
            double max = 0;
            for (float v : w) {
                max = Math.max(max, Math.abs(v));
            }
            assertThat(max).isLessThanOrEqualTo(1 / 3.0).isGreaterThan(0.3);
            assertThat(b).hasSize(50).doesNotContain(0f);
        }
    }

    /** Multi-VAE's latent head: no trunk, sigma = exp(s / 2) from the log-variance head s = x·W + b. */
    @Test
    void logvarHeadGivesSigmaAsTheExponentOfHalfTheHead() {
        float[][] x = {{1, -2}, {0.5f, 3}, {-1, 0}};
        try (BlockHarness h = new BlockHarness(2, 3, 1)) {
            Map<String, Operand<TFloat32>> e = encode(h, h.input(x), null, Map.of("hidden", List.of(), "out", 2, "sigma", "logvar"));
            assertThat(h.trainables()).hasSize(4);
            float[] w = h.eval(h.trainables().get(2));
            float[] b = h.eval(h.trainables().get(3));
            float[] sigma = h.eval(e.get("sigma"));
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    double s = x[i][0] * w[j] + x[i][1] * w[2 + j] + b[j];
                    assertThat(sigma[i * 2 + j]).isCloseTo((float) Math.exp(s / 2), within(1e-5f));
                }
            }
        }
    }

    /** ε = (out − μ)/σ, the noise the encoder drew. */
    private static float[] eps(BlockHarness h, Map<String, Operand<TFloat32>> e) {
        float[] out = h.eval(e.get("out"));
        float[] mu = h.eval(e.get("mu"));
        float[] sigma = h.eval(e.get("sigma"));
        float[] z = new float[out.length];
        for (int i = 0; i < out.length; i++) {
            z[i] = (out[i] - mu[i]) / sigma[i];
        }
        return z;
    }
}
