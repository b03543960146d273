package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class BceLossTest {
    private static final float[][] PRED = {{0.8f, 0.3f}, {0.5f, 0.9f}};
    private static final float[][] TARGET = {{1f, 0f}, {0.5f, 1f}};

    private static Operand<TFloat32> bce(BlockHarness h, Operand<TFloat32> pred, Operand<TFloat32> target, String reduction) {
        return h.build(new BceLoss(), Map.of("pred", pred, "target", target), Map.of(), Map.of("reduction", reduction)).get("loss");
    }

    @Test
    void meanAndPerSampleSumByHand() {
        // −log 0.8, −log 0.7; −(½ log ½ + ½ log ½), −log 0.9
        double[] terms = {-Math.log(0.8), -Math.log(0.7), Math.log(2), -Math.log(0.9)};
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> pred = h.input(PRED);
            Operand<TFloat32> target = h.input(TARGET);
            assertThat(h.scalar(bce(h, pred, target, "mean")))
                    .isCloseTo((terms[0] + terms[1] + terms[2] + terms[3]) / 4, within(1e-6));
            assertThat(h.scalar(bce(h, pred, target, "sum")))
                    .isCloseTo((terms[0] + terms[1] + terms[2] + terms[3]) / 2, within(1e-6));
        }
    }

    @Test
    void saturatedPredictionsCostAtMostTheFloorWithAFiniteGradient() {
        try (BlockHarness h = new BlockHarness(2, 1, 1)) {
            Operand<TFloat32> pred = h.input(new float[][] {{1f, 0f}});
            Operand<TFloat32> loss = bce(h, pred, h.input(new float[][] {{0f, 1f}}), "sum");
            assertThat(h.scalar(loss)).isCloseTo(-2 * Math.log(Float.MIN_NORMAL), within(1e-3));
            float[] g = h.eval(h.tf().gradients(loss, java.util.List.of(pred)).dy(0));
            for (float v : g) {
                assertThat(Float.isFinite(v)).isTrue();
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(2, 4, 3)) {
            Operand<TFloat32> logits = h.randomInput(4, 3);
            Operand<TFloat32> pred = h.tf().math.sigmoid(logits);
            Operand<TFloat32> target = h.tf().math.sigmoid(h.randomInput(4, 3));
            assertThat(h.gradientError(bce(h, pred, target, "sum"), logits, 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(bce(h, pred, target, "mean"), logits, 1e-2)).isLessThan(2e-3);
        }
    }

    @Test
    void shapesMustAgree() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> pred = h.input(PRED);
            Operand<TFloat32> target = h.input(new float[][] {{1f, 0f, 1f}, {0f, 0f, 0f}});
            assertThatThrownBy(() -> bce(h, pred, target, "sum")).hasMessageContaining("must both be samples × features");
        }
    }
}
