package org.mvclust.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class DecTargetHeadTest {
    static final float[][] Q = {{0.8f, 0.2f}, {0.4f, 0.6f}};

    @Test
    void handComputedTarget() {
        try (BlockHarness h = new BlockHarness(2, 2, 0)) {
            Operand<TFloat32> p = h.build(new DecTargetHead(), Map.of("q", h.input(Q)), Map.of(), Map.of()).get("p");
            // f = (1.2, 0.8); q²/f = (0.5333, 0.05), (0.1333, 0.45); rows normalised
            float[] v = h.eval(p);
            assertThat(v[0]).isCloseTo(0.64f / 1.2f / (0.64f / 1.2f + 0.05f), within(1e-6f));
            assertThat(v[1]).isCloseTo(0.05f / (0.64f / 1.2f + 0.05f), within(1e-6f));
            assertThat(v[2]).isCloseTo(0.16f / 1.2f / (0.16f / 1.2f + 0.45f), within(1e-6f));
            assertThat(v[3]).isCloseTo(0.45f / (0.16f / 1.2f + 0.45f), within(1e-6f));
            assertThat(v[0]).isGreaterThan(Q[0][0]);
        }
    }

    @Test
    void viewsAreAveragedFirst() {
        try (BlockHarness h = new BlockHarness(2, 2, 0)) {
            Operand<TFloat32> a = h.input(new float[][] {{1f, 0f}, {0.2f, 0.8f}});
            Operand<TFloat32> b = h.input(new float[][] {{0.6f, 0.4f}, {0.6f, 0.4f}});
            Operand<TFloat32> viaViews = h.build(new DecTargetHead(), Map.of(), Map.of("views", List.of(a, b)), Map.of()).get("p");
            Operand<TFloat32> viaMean = h.build(new DecTargetHead(), Map.of("q", h.input(Q)), Map.of(), Map.of()).get("p");
            float[] fromViews = h.eval(viaViews);
            float[] fromMean = h.eval(viaMean);
            for (int i = 0; i < 4; i++) {
                assertThat(fromViews[i]).isCloseTo(fromMean[i], within(1e-6f));
            }
        }
    }

    @Test
    void needsExactlyOneInput() {
        try (BlockHarness h = new BlockHarness(2, 2, 0)) {
            Operand<TFloat32> q = h.input(Q);
            assertThatThrownBy(() -> h.build(new DecTargetHead(), Map.of("q", q), Map.of("views", List.of(q)), Map.of()))
                    .hasMessageContaining("exactly one");
        }
    }
}
