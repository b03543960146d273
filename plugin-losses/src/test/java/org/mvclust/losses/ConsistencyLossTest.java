package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class ConsistencyLossTest {
    private static Operand<TFloat32> loss(BlockHarness h, List<Operand<TFloat32>> views) {
        return h.build(new ConsistencyLoss(), Map.of(), Map.of("views", views), Map.of()).get("loss");
    }

    @Test
    void zeroForIndependentAssignments() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> a = h.input(new float[][] {{1, 0}, {1, 0}, {0, 1}, {0, 1}});
            Operand<TFloat32> b = h.input(new float[][] {{1, 0}, {0, 1}, {1, 0}, {0, 1}});
            // rows that are the same distribution everywhere are independent of anything (without symmetrising,
            // which mixes the two marginals)
            Operand<TFloat32> c = h.input(new float[][] {{0.2f, 0.8f}, {0.2f, 0.8f}, {0.2f, 0.8f}, {0.2f, 0.8f}});
            Operand<TFloat32> ab = loss(h, List.of(a, b));
            Operand<TFloat32> ac = h.build(new ConsistencyLoss(), Map.of(), Map.of("views", List.of(a, c)),
                    Map.of("symmetric", false)).get("loss");
            assertThat(h.scalar(ab)).isCloseTo(0, within(1e-6));
            assertThat(h.scalar(ac)).isCloseTo(0, within(1e-6));
        }
    }

    @Test
    void minusLogCForIdenticalBalancedOneHot() {
        int c = 3;
        float[][] f = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}, {1, 0, 0}, {0, 1, 0}};
        try (BlockHarness h = new BlockHarness(c, 6, 1)) {
            Operand<TFloat32> a = h.input(f);
            Operand<TFloat32> b = h.input(f);
            Operand<TFloat32> two = loss(h, List.of(a, b));
            Operand<TFloat32> three = loss(h, List.of(a, b, h.input(f)));
            assertThat(h.scalar(two)).isCloseTo(-Math.log(c), within(1e-5));
            // three identical views: three pairs
            assertThat(h.scalar(three)).isCloseTo(-3 * Math.log(c), within(1e-5));
        }
    }

    @Test
    void matchesHandComputedMutualInformation() {
        // P = [[0.4, 0.1], [0.1, 0.4]] from these rows (m = 2, symmetric already)
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> a = h.input(new float[][] {{1, 0}, {0, 1}});
            Operand<TFloat32> b = h.input(new float[][] {{0.8f, 0.2f}, {0.2f, 0.8f}});
            double mi = 2 * 0.4 * Math.log(0.4 / 0.25) + 2 * 0.1 * Math.log(0.1 / 0.25);
            assertThat(h.scalar(loss(h, List.of(a, b)))).isCloseTo(-mi, within(1e-6));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(3, 5, 7)) {
            var tf = h.tf();
            Operand<TFloat32> la = h.randomInput(5, 3);
            Operand<TFloat32> lb = h.randomInput(5, 3);
            Operand<TFloat32> l = loss(h, List.of(tf.nn.softmax(la), tf.nn.softmax(lb)));
            assertThat(h.gradientError(l, la, 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(l, lb, 1e-2)).isLessThan(2e-3);
        }
    }
}
