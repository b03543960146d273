package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

@SuppressWarnings("unchecked")
class AnchorEntropyLossTest {
    private static Operand<TFloat32> loss(BlockHarness h, Operand<TFloat32> z, Operand<TFloat32> u) {
        return h.build(new AnchorEntropyLoss(), Map.of("z", z, "anchors", u), Map.of(), Map.of()).get("loss");
    }

    @Test
    void isLogMWhenAllSamplesAndAnchorsCoincide() {
        int m = 7;
        float[][] z = new float[5][];
        float[][] u = new float[m][];
        java.util.Arrays.setAll(z, i -> new float[] {0.3f, -1f, 2f});
        java.util.Arrays.setAll(u, i -> new float[] {0.3f, -1f, 2f});
        try (BlockHarness h = new BlockHarness(2, 5, 1)) {
            assertThat(h.scalar(loss(h, h.input(z), h.input(u)))).isCloseTo(Math.log(m), within(1e-6));
        }
    }

    @Test
    void approachesLogMAsEqualSamplesCollapseTowardsTheAnchors() {
        // all rows equal and the anchors spread around them at a shrinking scale: the entropy tends to log m
        int m = 6;
        float[] scales = {1f, 0.1f, 0.01f};
        try (BlockHarness h = new BlockHarness(2, 4, 2)) {
            Operand<TFloat32>[] losses = new Operand[scales.length];
            for (int t = 0; t < scales.length; t++) {
                float scale = scales[t];
                float[][] u = new float[m][];
                for (int j = 0; j < m; j++) {
                    u[j] = new float[] {scale * j, -scale * j * j / 3f};
                }
                float[][] z = {{0.5f * scale, 0.5f * scale}, {0.5f * scale, 0.5f * scale}};
                losses[t] = loss(h, h.input(z), h.input(u));
            }
            double previous = 0;
            for (Operand<TFloat32> l : losses) {
                double v = h.scalar(l);
                assertThat(v).isGreaterThan(previous).isLessThanOrEqualTo(Math.log(m) + 1e-6);
                previous = v;
            }
            assertThat(previous).isCloseTo(Math.log(m), within(1e-3));
        }
    }

    @Test
    void matchesHandComputedEntropy() {
        // z = 0; anchors at squared distances 0 and 1: t = (1, 1/2), q = (2/3, 1/3)
        try (BlockHarness h = new BlockHarness(2, 1, 1)) {
            double v = h.scalar(loss(h, h.input(new float[][] {{0, 0}}), h.input(new float[][] {{0, 0}, {0, 1}})));
            double expected = -(2.0 / 3 * Math.log(2.0 / 3) + 1.0 / 3 * Math.log(1.0 / 3));
            assertThat(v).isCloseTo(expected, within(1e-6));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(2, 5, 3)) {
            Operand<TFloat32> z = h.randomInput(5, 3);
            Operand<TFloat32> u = h.randomInput(4, 3);
            Operand<TFloat32> l = loss(h, z, u);
            assertThat(h.gradientError(l, z, 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(l, u, 1e-2)).isLessThan(2e-3);
        }
    }
}
