package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class KlLossTest {
    @Test
    void handComputed() {
        try (BlockHarness h = new BlockHarness(2, 2, 0)) {
            Operand<TFloat32> p = h.input(new float[][] {{0.5f, 0.5f}, {1f, 0f}});
            Operand<TFloat32> q = h.input(new float[][] {{0.25f, 0.75f}, {0.5f, 0.5f}});
            double row0 = 0.5 * Math.log(0.5 / 0.25) + 0.5 * Math.log(0.5 / 0.75);
            double row1 = Math.log(2) + 1e-7 * Math.log(1e-7 / 0.5);
            assertThat(h.scalar(kl(h, p, q))).isCloseTo((row0 + row1) / 2, within(1e-6));
        }
    }

    @Test
    void nonNegativeAndZeroOnlyWhenEqual() {
        Random rng = new Random(3);
        try (BlockHarness h = new BlockHarness(4, 5, 1)) {
            float[][] a = DistributionsFixture.random(rng, 5, 4);
            float[][] b = DistributionsFixture.random(rng, 5, 4);
            Operand<TFloat32> p = h.input(a);
            Operand<TFloat32> q = h.input(b);
            Operand<TFloat32> same = h.input(a);
            assertThat(h.scalar(kl(h, p, q))).isGreaterThan(1e-4);
            assertThat(h.scalar(kl(h, q, p))).isGreaterThan(1e-4);
            assertThat(h.scalar(kl(h, p, same))).isCloseTo(0, within(1e-7));
        }
    }

    @Test
    void gradientWithRespectToPredMatchesFiniteDifferencesAndTheFormula() {
        Random rng = new Random(4);
        try (BlockHarness h = new BlockHarness(3, 4, 2)) {
            float[][] a = DistributionsFixture.random(rng, 4, 3);
            Operand<TFloat32> p = h.input(a);
            Operand<TFloat32> q = h.input(DistributionsFixture.random(rng, 4, 3));
            Operand<TFloat32> loss = kl(h, p, q);
            assertThat(h.gradientError(loss, q, 1e-3)).isLessThan(2e-3);
            float[] grad = h.eval(h.tf().gradients(loss, java.util.List.of(q)).<TFloat32>dy(0));
            float[] qs = h.eval(q);
            for (int i = 0; i < 12; i++) {
                assertThat(grad[i]).isCloseTo(-a[i / 3][i % 3] / qs[i] / 4, within(1e-4f));
            }
        }
    }

    private static Operand<TFloat32> kl(BlockHarness h, Operand<TFloat32> p, Operand<TFloat32> q) {
        return h.build(new KlLoss(), Map.of("target", p, "pred", q), Map.of(), Map.of()).get("loss");
    }
}
