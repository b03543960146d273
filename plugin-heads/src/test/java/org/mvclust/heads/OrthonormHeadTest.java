package org.mvclust.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class OrthonormHeadTest {
    /**
     * One column y = (1, 2, 2), yᵀy = 9: in training out = y / √(9 + eps); evaluation uses the factor of the last
     * training step (identity before any), not the batch's own.
     */
    @Test
    void oneColumnByHand() {
        try (BlockHarness h = new BlockHarness(2, 3, 1)) {
            Operand<TFloat32> y = h.input(new float[][] {{1}, {2}, {2}});
            Operand<TFloat32> out = h.build(new OrthonormHead(), Map.of("x", y), Map.of(), Map.of("eps", 1e-3)).get("out");
            assertThat(h.eval(out)).containsExactly(1, 2, 2);
            h.training(true);
            float s = (float) Math.sqrt(9.001);
            float[] t = h.eval(out);
            assertThat(t[0]).isCloseTo(1 / s, within(1e-6f));
            assertThat(t[2]).isCloseTo(2 / s, within(1e-6f));
            h.runUpdates();
            h.set(y, new float[] {2, 0, 0});
            h.training(false);
            assertThat(h.eval(out)[0]).isCloseTo(2 / s, within(1e-6f));
            h.training(true);
            assertThat(h.eval(out)[0]).isCloseTo((float) (2 / Math.sqrt(4.001)), within(1e-6f));
        }
    }

    /** Random 8 × 3 outputs, eps 1e-6: the training output's columns are orthonormal. */
    @Test
    void trainingOutputIsOrthonormal() {
        try (BlockHarness h = new BlockHarness(2, 8, 3)) {
            Operand<TFloat32> y = h.randomInput(8, 3);
            Operand<TFloat32> out = h.build(new OrthonormHead(), Map.of("x", y), Map.of(), Map.of("eps", 1e-6)).get("out");
            h.training(true);
            float[] o = h.eval(out);
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double dot = 0;
                    for (int i = 0; i < 8; i++) {
                        dot += o[i * 3 + a] * o[i * 3 + b];
                    }
                    assertThat(dot).as("column %d · column %d", a, b).isCloseTo(a == b ? 1 : 0, within(1e-4));
                }
            }
        }
    }

    /**
     * The gradient reaches y only (the factor is held constant, as in MvSCN's code): in evaluation, where the factor
     * is the stored one, it equals finite differences; in training it is the derivative with the batch factor fixed.
     */
    @Test
    void gradientsTreatTheFactorAsConstant() {
        try (BlockHarness h = new BlockHarness(2, 6, 5)) {
            Operand<TFloat32> y = h.randomInput(6, 2);
            Operand<TFloat32> out = h.build(new OrthonormHead(), Map.of("x", y), Map.of(), Map.of()).get("out");
            Operand<TFloat32> loss = h.probe(out);
            h.training(true);
            h.runUpdates();
            h.training(false);
            assertThat(h.gradientError(loss, y, 1e-2)).isLessThan(1e-3);
            h.training(true);
            float[] g = h.eval(h.tf().gradients(loss, java.util.List.of(y)).<TFloat32>dy(0));
            float[] yv = h.eval(y);
            // with the factor M constant, L = Σ w ⊙ (y Mᵀ) is linear in y, so Σ g ⊙ y = L; the full derivative
            // (M depending on y) would give about 0 instead, out being nearly scale-invariant in y
            double fromGradient = 0;
            for (int i = 0; i < g.length; i++) {
                fromGradient += g[i] * yv[i];
            }
            assertThat(fromGradient).isCloseTo(h.scalar(loss), within(1e-4 * Math.max(1, Math.abs(fromGradient))));
        }
    }
}
