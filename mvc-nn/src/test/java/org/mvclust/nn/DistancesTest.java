package org.mvclust.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class DistancesTest {
    @Test
    void squaredDistancesByHand() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> x = h.input(new float[][] {{0, 0}, {1, 2}});
            Operand<TFloat32> u = h.input(new float[][] {{3, 4}, {1, 0}, {1, 2}});
            // rows of x against rows of u: (0,0)->25,1,5; (1,2)->8,4,0
            assertThat(h.eval(Distances.squared(h.tf(), x, u))).containsExactly(new float[] {25, 1, 5, 8, 4, 0}, within(1e-5f));
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesAndTheSelfDiagonalPassesNone() {
        try (BlockHarness h = new BlockHarness(2, 4, 3)) {
            Operand<TFloat32> x = h.randomInput(4, 3);
            Operand<TFloat32> u = h.randomInput(5, 3);
            Operand<TFloat32> loss = h.probe(Distances.squared(h.tf(), x, u));
            assertThat(h.gradientError(loss, x, 1e-2)).isLessThan(1e-2);
            assertThat(h.gradientError(loss, u, 1e-2)).isLessThan(1e-2);
        }
        try (BlockHarness h = new BlockHarness(2, 1, 3)) {
            Operand<TFloat32> x = h.input(new float[][] {{1, 1}});
            Operand<TFloat32> self = Distances.squared(h.tf(), x, x);
            assertThat(h.eval(self)).containsExactly(0f);
            assertThat(h.eval(h.tf().gradients(self, java.util.List.of(x)).dy(0))).containsExactly(0f, 0f);
        }
    }
}
