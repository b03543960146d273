package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class MseLossTest {
    @Test
    void meanOverAllElementsByHand() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> pred = h.input(new float[][] {{1, 2}, {3, 4}});
            Operand<TFloat32> target = h.input(new float[][] {{1, 0}, {0, 4}});
            Operand<TFloat32> loss = h.build(new MseLoss(), Map.of("pred", pred, "target", target), Map.of(), Map.of()).get("loss");
            assertThat(h.scalar(loss)).isCloseTo((0 + 4 + 9 + 0) / 4.0, within(1e-6));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(2, 5, 3)) {
            Operand<TFloat32> pred = h.randomInput(5, 3);
            Operand<TFloat32> target = h.randomInput(5, 3);
            Operand<TFloat32> loss = h.build(new MseLoss(), Map.of("pred", pred, "target", target), Map.of(), Map.of()).get("loss");
            assertThat(h.gradientError(loss, pred, 1e-2)).isLessThan(1e-3);
        }
    }

    @Test
    void harnessInputsTakeGradientsThatCrashOnAVariableItself() {
        // TensorFlow's Square gradient segfaults on a variable's ref tensor; harness inputs are read through Identity
        try (BlockHarness h = new BlockHarness(2, 3, 4)) {
            Operand<TFloat32> x = h.randomInput(3, 2);
            Operand<TFloat32> loss = h.tf().sum(h.tf().math.square(x), h.tf().constant(new int[] {0, 1}));
            assertThat(h.gradientError(loss, x, 1e-2)).isLessThan(1e-3);
        }
    }
}
