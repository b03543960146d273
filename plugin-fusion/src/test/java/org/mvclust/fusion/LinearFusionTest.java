package org.mvclust.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class LinearFusionTest {
    @Test
    void concatModeIsLinearInTheConcatenationWithZeroInitialBias() {
        try (BlockHarness h = new BlockHarness(2, 3, 1)) {
            // row 2 = row 0 + row 1 in both views, so a linear layer without bias or activation gives y2 = y0 + y1
            Operand<TFloat32> a = h.input(new float[][] {{1, 2}, {0, -1}, {1, 1}});
            Operand<TFloat32> b = h.input(new float[][] {{1}, {-2}, {-1}});
            Operand<TFloat32> out = h.build(new LinearFusion(), Map.of(), Map.of("views", List.of(a, b)),
                    Map.of("out", 4)).get("out");
            float[] y = h.eval(out);
            assertThat(y).hasSize(12);
            boolean anyNegative = false;
            for (int j = 0; j < 4; j++) {
                assertThat(y[8 + j]).isCloseTo(y[j] + y[4 + j], within(1e-5f));
                anyNegative |= y[j] < 0 || y[4 + j] < 0;
            }
            assertThat(anyNegative).as("no activation clips the output").isTrue();
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesInEveryMode() {
        for (String mode : List.of("concat", "weighted_sum", "average")) {
            try (BlockHarness h = new BlockHarness(2, 4, 2)) {
                Operand<TFloat32> a = h.randomInput(4, 3);
                Operand<TFloat32> b = h.randomInput(4, 3);
                Operand<TFloat32> out = h.build(new LinearFusion(), Map.of(), Map.of("views", List.of(a, b)),
                        Map.of("out", 2, "mode", mode)).get("out");
                Operand<TFloat32> loss = h.tf().sum(h.tf().reshape(h.tf().math.square(out), h.tf().constant(new long[] {-1})),
                        h.tf().constant(0));
                assertThat(h.gradientError(loss, a, 1e-2)).as(mode).isLessThan(2e-3);
            }
        }
    }

    @Test
    void averageModeRejectsUnequalWidths() {
        try (BlockHarness h = new BlockHarness(2, 4, 3)) {
            Operand<TFloat32> a = h.randomInput(4, 3);
            Operand<TFloat32> b = h.randomInput(4, 2);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.build(new LinearFusion(), Map.of(),
                    Map.of("views", List.of(a, b)), Map.of("out", 2, "mode", "average")))
                    .hasMessageContaining("equal widths");
        }
    }
}
