package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class IicLossTest {
    private static Operand<TFloat32> iic(BlockHarness h, Operand<TFloat32> a, Map<String, Object> params) {
        return h.build(new IicLoss(), Map.of("a", a), Map.of(), params).get("loss");
    }

    private static Operand<TFloat32> pairs(BlockHarness h, List<Operand<TFloat32>> views, Map<String, Object> params) {
        return h.build(new JointMiPairsLoss(), Map.of(), Map.of("views", views), params).get("loss");
    }

    /** Two views agreeing one-hot over K = 2: P = I/2, so −Σ P (log P − λ log p − λ log q) = −(2λ − 1) ln 2. */
    @Test
    void agreeingOneHotViews() {
        float[][] a = {{1, 0, 1, 0}, {0, 1, 0, 1}};
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> in = h.input(a);
            Operand<TFloat32> twoHeads = h.input(new float[][] {{1, 0, 1, 0, 1, 0, 1, 0}, {0, 1, 0, 1, 0, 1, 0, 1}});
            assertThat(h.scalar(iic(h, in, Map.of()))).isCloseTo(-Math.log(2), within(1e-6));
            assertThat(h.scalar(iic(h, in, Map.of("lambda", 1.5)))).isCloseTo(-2 * Math.log(2), within(1e-6));
            // as two heads of one view pair each: the mean over heads of the same value
            assertThat(h.scalar(iic(h, twoHeads, Map.of("heads", 2)))).isCloseTo(-Math.log(2), within(1e-6));
        }
    }

    /** Three views, two heads: the mean over heads of the pairwise terms, each −joint_mi with lambda − 1. */
    @Test
    void headsAndPairsMatchThePairwiseEstimator() {
        try (BlockHarness h = new BlockHarness(3, 6, 2)) {
            List<Operand<TFloat32>> blocks = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                blocks.add(h.tf().nn.softmax(h.randomInput(6, 3)));
            }
            Operand<TFloat32> a = h.tf().concat(blocks, h.tf().constant(1));
            Operand<TFloat32> loss = iic(h, a, Map.of("views", 3, "heads", 2, "lambda", 1.5));
            double expected = -(h.scalar(pairs(h, blocks.subList(0, 3), Map.of("lambda", 0.5)))
                    + h.scalar(pairs(h, blocks.subList(3, 6), Map.of("lambda", 0.5)))) / 2;
            assertThat(h.scalar(loss)).isCloseTo(expected, within(1e-6));
        }
    }

    /** DeepMVC's MIContrast loop adds I(h_i; h_i) for i < V − 1 to the distinct pairs. */
    @Test
    void withSelfAddsTheSelfTermsButTheLast() {
        try (BlockHarness h = new BlockHarness(3, 6, 5)) {
            List<Operand<TFloat32>> v = List.of(h.randomInput(6, 4), h.randomInput(6, 4), h.randomInput(6, 4));
            Map<String, Object> soft = Map.of("transform", "softmax");
            double distinct = h.scalar(pairs(h, v, soft));
            double self0 = h.scalar(pairs(h, List.of(v.get(0), v.get(0)), soft));
            double self1 = h.scalar(pairs(h, List.of(v.get(1), v.get(1)), soft));
            double withSelf = h.scalar(pairs(h, v, Map.of("transform", "softmax", "pairs", "with_self")));
            assertThat(withSelf).isCloseTo(distinct + self0 + self1, within(1e-5));
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(3, 6, 3)) {
            Operand<TFloat32> logits = h.randomInput(6, 12);
            Operand<TFloat32> a = h.tf().concat(List.of(
                    h.tf().nn.softmax(h.tf().slice(logits, h.tf().constant(new int[] {0, 0}), h.tf().constant(new int[] {6, 4}))),
                    h.tf().nn.softmax(h.tf().slice(logits, h.tf().constant(new int[] {0, 4}), h.tf().constant(new int[] {6, 4}))),
                    h.tf().nn.softmax(h.tf().slice(logits, h.tf().constant(new int[] {0, 8}), h.tf().constant(new int[] {6, 4})))),
                    h.tf().constant(1));
            assertThat(h.gradientError(iic(h, a, Map.of("views", 3, "lambda", 1.5)), logits, 1e-2)).isLessThan(2e-3);
        }
    }

    @Test
    void widthNotSplittableIsNamed() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> a = h.randomInput(4, 5);
            assertThatThrownBy(() -> iic(h, a, Map.of())).hasMessageContaining("5 columns are not 1 heads × 2 views");
        }
    }
}
