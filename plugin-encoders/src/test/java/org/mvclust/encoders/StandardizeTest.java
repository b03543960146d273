package org.mvclust.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class StandardizeTest {
    @Test
    void columnsGetZeroMeanAndUnitVariance() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> x = h.input(new float[][] {{1, 10}, {2, 10}, {3, 14}, {6, 6}});
            float[] y = h.eval(h.build(new Standardize(), Map.of("x", x), Map.of(), Map.of("eps", 0.0)).get("out"));
            // column 0: mean 3, variance (4 + 1 + 0 + 9) / 4 = 3.5
            double sd = Math.sqrt(3.5);
            assertThat((double) y[0]).isCloseTo(-2 / sd, within(1e-6));
            assertThat((double) y[6]).isCloseTo(3 / sd, within(1e-6));
            // column 1: mean 10, variance (0 + 0 + 16 + 16) / 4 = 8
            assertThat((double) y[5]).isCloseTo(4 / Math.sqrt(8), within(1e-6));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(2, 6, 2)) {
            Operand<TFloat32> x = h.randomInput(6, 3);
            Operand<TFloat32> y = h.build(new Standardize(), Map.of("x", x), Map.of(), Map.of()).get("out");
            assertThat(h.gradientError(h.probe(y), x, 1e-2)).isLessThan(5e-3);
        }
    }

    /** With a mask: the present rows standardised as if alone, absent rows zero whatever they hold, no gradient to them. */
    @Test
    void aMaskLeavesTheAbsentRowsOut() {
        float[][] x = {{1, 10}, {50, -7}, {2, 10}, {3, 14}, {-9, 99}, {6, 6}};
        try (BlockHarness h = new BlockHarness(2, 6, 1)) {
            Operand<TFloat32> xs = h.input(x);
            Operand<TFloat32> mask = h.input(new float[][] {{1}, {0}, {1}, {1}, {0}, {1}});
            Operand<TFloat32> y = h.build(new Standardize(), Map.of("x", xs, "mask", mask), Map.of(), Map.of("eps", 0.0)).get("out");
            Operand<TFloat32> alone = h.build(new Standardize(), Map.of("x", h.input(new float[][] {{1, 10}, {2, 10}, {3, 14}, {6, 6}})),
                    Map.of(), Map.of("eps", 0.0)).get("out");
            float[] a = h.eval(alone);
            float[] expected = {a[0], a[1], 0, 0, a[2], a[3], a[4], a[5], 0, 0, a[6], a[7]};
            assertThat(h.eval(y)).containsExactly(expected, within(1e-6f));
            Operand<TFloat32> f = h.probe(y);
            float[] g = h.eval(h.tf().gradients(f, java.util.List.of(xs)).<TFloat32>dy(0));
            for (int j : new int[] {2, 3, 8, 9}) {
                assertThat(g[j]).isCloseTo(0f, within(0f));
            }
            Operand<TFloat32> smooth = h.build(new Standardize(), Map.of("x", xs, "mask", mask), Map.of(), Map.of()).get("out");
            assertThat(h.gradientError(h.probe(smooth), xs, 1e-2)).isLessThan(5e-3);
        }
    }
}
