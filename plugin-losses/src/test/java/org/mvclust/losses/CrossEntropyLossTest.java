package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class CrossEntropyLossTest {
    @Test
    void oneHotAndSoftTargetsByHand() {
        try (BlockHarness h = new BlockHarness(2, 2, 0)) {
            Operand<TFloat32> t = h.input(new float[][] {{0, 1}, {0.3f, 0.7f}});
            Operand<TFloat32> p = h.input(new float[][] {{0.2f, 0.8f}, {0.2f, 0.8f}});
            double want = (-Math.log(0.8) - 0.3 * Math.log(0.2) - 0.7 * Math.log(0.8)) / 2;
            assertThat(h.scalar(ce(h, t, p))).isCloseTo(want, within(1e-6));
        }
    }

    @Test
    void zeroProbabilityIsClippedNotInfinite() {
        try (BlockHarness h = new BlockHarness(2, 1, 0)) {
            Operand<TFloat32> loss = ce(h, h.input(new float[][] {{1, 0}}), h.input(new float[][] {{0, 1}}));
            assertThat(h.scalar(loss)).isCloseTo(-Math.log(1e-7), within(1e-3));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Random rng = new Random(9);
        try (BlockHarness h = new BlockHarness(3, 4, 2)) {
            Operand<TFloat32> t = h.input(DistributionsFixture.random(rng, 4, 3));
            Operand<TFloat32> p = h.input(DistributionsFixture.random(rng, 4, 3));
            assertThat(h.gradientError(ce(h, t, p), p, 1e-3)).isLessThan(2e-3);
        }
    }

    private static Operand<TFloat32> ce(BlockHarness h, Operand<TFloat32> t, Operand<TFloat32> p) {
        return h.build(new CrossEntropyLoss(), Map.of("target", t, "pred", p), Map.of(), Map.of()).get("loss");
    }
}
