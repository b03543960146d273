package org.mvclust.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class L2NormalizeTest {
    @Test
    void rowsGetUnitNormAndAZeroRowStaysZero() {
        try (BlockHarness h = new BlockHarness(2, 3, 1)) {
            Operand<TFloat32> x = h.input(new float[][] {{3, 4}, {0, 0}, {-1, 0}});
            float[] y = h.eval(h.build(new L2Normalize(), Map.of("x", x), Map.of(), Map.of()).get("out"));
            assertThat(y).containsExactly(new float[] {0.6f, 0.8f, 0, 0, -1, 0}, within(1e-6f));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(2, 5, 2)) {
            Operand<TFloat32> x = h.randomInput(5, 4);
            Operand<TFloat32> y = h.build(new L2Normalize(), Map.of("x", x), Map.of(), Map.of()).get("out");
            assertThat(h.gradientError(h.probe(y), x, 1e-2)).isLessThan(5e-3);
        }
    }
}
