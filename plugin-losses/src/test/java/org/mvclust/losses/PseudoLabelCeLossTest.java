package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class PseudoLabelCeLossTest {
    @Test
    void meanNegativeLogOfTheLabelledProbability() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> p = h.input(new float[][] {{0.7f, 0.3f}, {0.4f, 0.6f}});
            Operand<TFloat32> t = h.input(new float[][] {{1, 0}, {1, 0}});
            Operand<TFloat32> loss = h.build(new PseudoLabelCeLoss(), Map.of("p", p, "target", t), Map.of(), Map.of()).get("loss");
            assertThat(h.scalar(loss)).isCloseTo(-(Math.log(0.7) + Math.log(0.4)) / 2, within(1e-6));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(3, 3, 2)) {
            Operand<TFloat32> p = h.input(new float[][] {{0.5f, 0.3f, 0.2f}, {0.1f, 0.6f, 0.3f}, {0.3f, 0.3f, 0.4f}});
            Operand<TFloat32> t = h.input(new float[][] {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}});
            Operand<TFloat32> plain = h.build(new PseudoLabelCeLoss(), Map.of("p", p, "target", t), Map.of(), Map.of()).get("loss");
            Operand<TFloat32> twice = h.build(new PseudoLabelCeLoss(), Map.of("p", p, "target", t), Map.of(),
                    Map.of("double_softmax", true)).get("loss");
            assertThat(h.gradientError(plain, p, 1e-3)).isLessThan(2e-3);
            assertThat(h.gradientError(twice, p, 1e-3)).isLessThan(2e-3);
        }
    }
}
