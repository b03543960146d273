package org.mvclust.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class StudentTHeadTest {
    @Test
    void handComputedAssignments() {
        try (BlockHarness h = new BlockHarness(2, 2, 0)) {
            Operand<TFloat32> z = h.input(new float[][] {{0, 0}, {1, 1}});
            Operand<TFloat32> q = h.build(new StudentTHead(), Map.of("z", z), Map.of(), Map.of()).get("q");
            h.set(h.trainables().get(0), new float[] {0, 0, 2, 0});
            float[] v = h.eval(q);
            // row 0: distances² 0 and 4 -> kernels 1 and 1/5; row 1: 2 and 2 -> equal
            assertThat(v[0]).isCloseTo(5f / 6, within(1e-6f));
            assertThat(v[1]).isCloseTo(1f / 6, within(1e-6f));
            assertThat(v[2]).isCloseTo(0.5f, within(1e-6f));
            assertThat(v[3]).isCloseTo(0.5f, within(1e-6f));
        }
    }

    @Test
    void alphaChangesTheKernel() {
        try (BlockHarness h = new BlockHarness(2, 1, 0)) {
            Operand<TFloat32> z = h.input(new float[][] {{0, 0}});
            Operand<TFloat32> q = h.build(new StudentTHead(), Map.of("z", z), Map.of(), Map.of("alpha", 2.0)).get("q");
            h.set(h.trainables().get(0), new float[] {0, 0, 2, 0});
            double far = Math.pow(1 + 4 / 2.0, -1.5);
            assertThat(h.eval(q)[0]).isCloseTo((float) (1 / (1 + far)), within(1e-6f));
        }
    }

    @Test
    void rowsSumToOneAndGradientsMatch() {
        try (BlockHarness h = new BlockHarness(4, 6, 1)) {
            Operand<TFloat32> z = h.randomInput(6, 3);
            Operand<TFloat32> q = h.build(new StudentTHead(), Map.of("z", z), Map.of(), Map.of()).get("q");
            Operand<TFloat32> weights = h.randomInput(6, 4);
            float[] v = h.eval(q);
            for (int i = 0; i < 6; i++) {
                float sum = 0;
                for (int j = 0; j < 4; j++) {
                    assertThat(v[i * 4 + j]).isPositive();
                    sum += v[i * 4 + j];
                }
                assertThat(sum).isCloseTo(1f, within(1e-5f));
            }
            Operand<TFloat32> loss = h.tf().sum(h.tf().math.mul(q, weights), h.tf().constant(new int[] {0, 1}));
            Operand<TFloat32> mu = h.trainables().get(0);
            for (Operand<TFloat32> wrt : List.of(z, mu)) {
                assertThat(h.gradientError(loss, wrt, 1e-2)).isLessThan(1e-3);
            }
        }
    }
}
