package org.mvclust.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class ReductionsTest {
    private static final float[][] X = {{1, 10}, {3, -2}};

    @Test
    void totalAndColumnStatisticsByHand() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> x = h.input(X);
            assertThat(h.scalar(Reductions.total(h.tf(), x))).isEqualTo(12.0);
            Operand<TFloat32> centred = Reductions.centreColumns(h.tf(), x);
            assertThat(h.eval(centred)).containsExactly(-1, 6, 1, -6);
            assertThat(h.eval(Reductions.columnVariance(h.tf(), centred))).containsExactly(1, 36);
        }
    }

    @Test
    void crossEntropyIsTheBatchMeanOfMinusTLogP() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> t = h.input(new float[][] {{1, 0}, {0.5f, 0.5f}});
            Operand<TFloat32> p = h.input(new float[][] {{0.8f, 0.2f}, {0.25f, 0.75f}});
            double expected = -(Math.log(0.8) + 0.5 * Math.log(0.25) + 0.5 * Math.log(0.75)) / 2;
            Operand<TFloat32> ce = Reductions.crossEntropy(h.tf(), t, h.tf().math.log(p));
            assertThat(h.scalar(ce)).isCloseTo(expected, within(1e-6));
            assertThat(h.gradientError(ce, p, 1e-3)).isLessThan(1e-2);
        }
    }

    @Test
    void rowsScaledToUnitNormAndZeroRowsStayZero() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> x = h.input(new float[][] {{3, 4}, {0, 0}});
            assertThat(h.eval(Reductions.l2NormalizeRows(h.tf(), x, 1e-12f))).containsExactly(new float[] {0.6f, 0.8f, 0, 0}, within(1e-6f));
        }
    }
}
