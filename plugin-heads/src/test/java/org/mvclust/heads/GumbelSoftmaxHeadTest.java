package org.mvclust.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

class GumbelSoftmaxHeadTest {
    private static final float[][] P = {{0.2f, 0.7f, 0.1f}, {0.5f, 0.2f, 0.3f}};

    private static Map<String, Operand<TFloat32>> sample(BlockHarness h, Operand<TFloat32> p, double temperature) {
        return h.build(new GumbelSoftmaxHead(), Map.of("p", p), Map.of(), Map.of("temperature", temperature));
    }

    @Test
    void evaluationGivesTheOneHotOfTheLargestProbability() {
        try (BlockHarness h = new BlockHarness(3, 2, 1)) {
            Map<String, Operand<TFloat32>> s = sample(h, h.input(P), 0.67);
            h.training(false);
            assertThat(h.eval(s.get("out"))).containsExactly(0, 1, 0, 1, 0, 0);
            for (float v : h.eval(s.get("gumbel"))) {
                assertThat(Math.abs(v)).isEqualTo(0f);
            }
        }
    }

    /** out = softmax((log(p + eps) + g) / T), computed here from the step's noise g. */
    @Test
    void trainingGivesTheTemperedSoftmaxOfTheNoisyLogProbabilities() {
        double t = 0.67;
        try (BlockHarness h = new BlockHarness(3, 2, 1)) {
            Map<String, Operand<TFloat32>> s = sample(h, h.input(P), t);
            h.training(true);
            float[] out = h.eval(s.get("out"));
            float[] g = h.eval(s.get("gumbel"));
            for (int i = 0; i < 2; i++) {
                double[] e = new double[3];
                double sum = 0;
                for (int j = 0; j < 3; j++) {
                    e[j] = Math.exp((Math.log(P[i][j] + 1e-12) + g[i * 3 + j]) / t);
                    sum += e[j];
                }
                for (int j = 0; j < 3; j++) {
                    assertThat(out[i * 3 + j]).isCloseTo((float) (e[j] / sum), within(1e-6f));
                }
            }
            assertThat(g).doesNotContain(0f);
        }
    }

    /** Gumbel(0, 1): mean γ ≈ 0.5772, variance π²/6; the argmax of log p + g falls on class j with probability p_j. */
    @Test
    void theNoiseIsStandardGumbelAndTheArgmaxIsACategoricalSample() {
        int n = 20000;
        float[][] p = new float[n][];
        for (int i = 0; i < n; i++) {
            p[i] = P[0].clone();
        }
        try (BlockHarness h = new BlockHarness(3, n, 1)) {
            Map<String, Operand<TFloat32>> s = sample(h, h.input(p), 0.67);
            h.training(true);
            float[] g = h.eval(s.get("gumbel"));
            float[] out = h.eval(s.get("out"));
            double sum = 0;
            double sq = 0;
            for (float v : g) {
                sum += v;
                sq += v * v;
            }
            double mean = sum / g.length;
            assertThat(mean).isCloseTo(0.5772, within(0.02));
            assertThat(sq / g.length - mean * mean).isCloseTo(Math.PI * Math.PI / 6, within(0.05));
            int[] wins = new int[3];
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int j = 1; j < 3; j++) {
                    best = out[i * 3 + j] > out[i * 3 + best] ? j : best;
                }
                wins[best]++;
            }
            for (int j = 0; j < 3; j++) {
                assertThat(wins[j] / (double) n).isCloseTo(P[0][j], within(0.015));
            }
        }
    }

    @Test
    void freshNoiseForEachStepSeed() {
        try (BlockHarness h = new BlockHarness(3, 2, 1)) {
            Operand<TFloat32> seedValue = h.input(new float[][] {{3, 0}});
            Operand<TInt64> seed = h.tf().reshape(h.tf().dtypes.cast(seedValue, TInt64.class), h.tf().constant(new long[] {2}));
            h.noiseSeed(seed);
            Operand<TFloat32> g = sample(h, h.input(P), 0.67).get("gumbel");
            h.training(true);
            float[] step0 = h.eval(g);
            assertThat(h.eval(g)).containsExactly(step0);
            h.set(seedValue, new float[] {3, 1});
            assertThat(h.eval(g)).isNotEqualTo(step0);
            h.set(seedValue, new float[] {3, 0});
            assertThat(h.eval(g)).containsExactly(step0);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(3, 4, 2)) {
            Operand<TFloat32> logits = h.randomInput(4, 3);
            Operand<TFloat32> out = sample(h, h.tf().nn.softmax(logits), 0.67).get("out");
            h.training(true);
            assertThat(h.gradientError(h.probe(out), logits, 1e-2)).isLessThan(2e-3);
        }
    }

    @Test
    void aNonPositiveTemperatureIsRefused() {
        try (BlockHarness h = new BlockHarness(3, 2, 1)) {
            Operand<TFloat32> p = h.input(P);
            assertThatThrownBy(() -> sample(h, p, 0)).hasMessageContaining("temperature must be positive");
        }
    }
}
