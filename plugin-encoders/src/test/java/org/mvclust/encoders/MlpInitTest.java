package org.mvclust.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;

class MlpInitTest {
    private static Map<String, Object> params(String init) {
        return Map.of("hidden", List.of(50), "out", 400, "init", init);
    }

    /** Largest absolute value and mean square of a variable's initial values. */
    private static double[] stats(BlockHarness h, String name) {
        float[] v = h.eval(h.variable(name));
        double max = 0;
        double sq = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
            sq += x * x;
        }
        return new double[] {max, sq / v.length};
    }

    @Test
    void fanInUniformFillsPlusMinusOneOverSqrtFanInWithZeroBiases() {
        try (BlockHarness h = new BlockHarness(2, 3, 7)) {
            h.build(new MlpEncoder(), Map.of("x", h.randomInput(3, 400)), Map.of(), params("fan_in_uniform"));
            // layer 0: fan_in 400, limit 0.05; layer 1: fan_in 50, limit 0.1414 (Glorot would give 0.1155 and 0.1155)
            double[] l0 = stats(h, "mlp.l0.w");
            double[] l1 = stats(h, "mlp.l1.w");
            assertThat(l0[0]).isLessThanOrEqualTo(0.05).isGreaterThan(0.049);
            assertThat(l0[1]).isCloseTo(0.05 * 0.05 / 3, within(0.05 * 0.05 / 3 * 0.05));
            assertThat(l1[0]).isLessThanOrEqualTo(1 / Math.sqrt(50)).isGreaterThan(0.99 / Math.sqrt(50));
            assertThat(h.eval(h.variable("mlp.l0.b"))).containsOnly(0f);
            assertThat(h.eval(h.variable("mlp.l1.b"))).containsOnly(0f);
        }
    }

    @Test
    void glorotAndHeKeepTheirScales() {
        try (BlockHarness h = new BlockHarness(2, 3, 7)) {
            h.build(new MlpEncoder(), Map.of("x", h.randomInput(3, 400)), Map.of(), params("glorot"));
            assertThat(stats(h, "mlp.l0.w")[0]).isLessThanOrEqualTo(Math.sqrt(6.0 / 450)).isGreaterThan(0.1);
        }
        try (BlockHarness h = new BlockHarness(2, 3, 7)) {
            h.build(new MlpEncoder(), Map.of("x", h.randomInput(3, 400)), Map.of(), params("he"));
            assertThat(stats(h, "mlp.l0.w")[1]).isCloseTo(2.0 / 400, within(2.0 / 400 * 0.05));
        }
    }

    @Test
    void unknownInitIsRejected() {
        try (BlockHarness h = new BlockHarness(2, 3, 7)) {
            assertThatThrownBy(() -> h.build(new MlpEncoder(), Map.of("x", h.randomInput(3, 4)), Map.of(), params("xavier")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xavier");
        }
    }
}
