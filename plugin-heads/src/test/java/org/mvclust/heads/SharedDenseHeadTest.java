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

class SharedDenseHeadTest {
    private static Operand<TFloat32> out(BlockHarness h, List<Operand<TFloat32>> views, Map<String, Object> params) {
        return h.build(new SharedDenseHead(), Map.of(), Map.of("views", views), params).get("out");
    }

    /** Every view goes through the same weights: equal rows in two views give equal blocks; blocks are head-major. */
    @Test
    void viewsShareEachHeadsWeights() {
        float[][] x = {{1, 2, 3}, {-1, 0, 2}};
        float[][] y = {{1, 2, 3}, {4, -2, 0}};
        try (BlockHarness h = new BlockHarness(4, 2, 1)) {
            Operand<TFloat32> o = out(h, List.of(h.input(x), h.input(y)), Map.of("width", 2, "heads", 2));
            float[] v = h.eval(o);
            assertThat(v).hasSize(2 * 8);
            assertThat(h.trainables()).hasSize(4);
            // row 0 is equal in both views: head 0 blocks (cols 0-1, 2-3) and head 1 blocks (4-5, 6-7) match
            assertThat(v[2]).isCloseTo(v[0], within(1e-7f));
            assertThat(v[3]).isCloseTo(v[1], within(1e-7f));
            assertThat(v[6]).isCloseTo(v[4], within(1e-7f));
            assertThat(v[0] + v[1]).isCloseTo(1f, within(1e-6f));
            assertThat(Math.abs(v[8] - v[10])).isGreaterThan(1e-4f);
        }
    }

    /** Hand-set weights, identity activation: x·W + b per view. */
    @Test
    void computesTheDenseLayer() {
        try (BlockHarness h = new BlockHarness(2, 1, 1)) {
            Operand<TFloat32> o = out(h, List.of(h.input(new float[][] {{1, 2}}), h.input(new float[][] {{0, -1}})),
                    Map.of("activation", "none"));
            h.set(h.variable("shared_dense.head0.w"), new float[] {1, 2, 3, 4});
            h.set(h.variable("shared_dense.head0.b"), new float[] {0.5f, -0.5f});
            assertThat(h.eval(o)).containsExactly(7.5f, 9.5f, -2.5f, -4.5f);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(3, 5, 2)) {
            Operand<TFloat32> a = h.randomInput(5, 4);
            Operand<TFloat32> b = h.randomInput(5, 4);
            Operand<TFloat32> loss = h.probe(out(h, List.of(a, b), Map.of("heads", 2)));
            assertThat(h.gradientError(loss, a, 1e-2)).isLessThan(2e-3);
            for (Operand<TFloat32> w : h.trainables()) {
                assertThat(h.gradientError(loss, w, 1e-2)).isLessThan(2e-3);
            }
        }
    }

    @Test
    void unequalWidthsAreNamed() {
        try (BlockHarness h = new BlockHarness(3, 5, 2)) {
            assertThatThrownBy(() -> out(h, List.of(h.randomInput(5, 4), h.randomInput(5, 3)), Map.of()))
                    .hasMessageContaining("view 1 has 3");
        }
    }
}
