package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** DMSC's sum_squares and MvSCN's spectral_net, view_distance and siamese: hand-computed values and gradients. */
class DmscMvscnLossesTest {
    private static final float[][] PRED = {{1, 2}, {3, 4}};
    private static final float[][] TARGET = {{0, 0}, {1, 1}};

    /** Differences 1, 2, 2, 3: Σ² = 18; scale 0.5 gives 9, with root 0.5·√18; unwired target: Σ pred² = 30. */
    @Test
    void sumSquaresByHand() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> p = h.input(PRED);
            Operand<TFloat32> t = h.input(TARGET);
            SumSquaresLoss l = new SumSquaresLoss();
            assertThat(h.scalar(h.build(l, Map.of("pred", p, "target", t), Map.of(), Map.of("scale", 0.5)).get("loss")))
                    .isCloseTo(9, within(1e-5));
            assertThat(h.scalar(h.build(l, Map.of("pred", p, "target", t), Map.of(), Map.of("scale", 0.5, "root", true)).get("loss")))
                    .isCloseTo(0.5 * Math.sqrt(18), within(1e-5));
            assertThat(h.scalar(h.build(l, Map.of("pred", p), Map.of(), Map.of()).get("loss"))).isCloseTo(30, within(1e-5));
        }
    }

    @Test
    void sumSquaresGradients() {
        try (BlockHarness h = new BlockHarness(2, 4, 2)) {
            Operand<TFloat32> p = h.randomInput(4, 3);
            Operand<TFloat32> t = h.randomInput(4, 3);
            Operand<TFloat32> root = h.build(new SumSquaresLoss(), Map.of("pred", p, "target", t), Map.of(),
                    Map.of("root", true, "scale", 0.5)).get("loss");
            Operand<TFloat32> plain = h.build(new SumSquaresLoss(), Map.of("pred", p), Map.of(), Map.of()).get("loss");
            assertThat(h.gradientError(root, p, 1e-2)).isLessThan(1e-3);
            assertThat(h.gradientError(plain, p, 1e-2)).isLessThan(1e-3);
        }
    }

    /** y = 0, 1, 3 with w12 = 1, w13 = 0.5, w23 = 2: Σ w ⊙ d = 2·(1·1 + 0.5·9 + 2·4) = 27 over 9 pairs = 3. */
    @Test
    void spectralNetByHand() {
        try (BlockHarness h = new BlockHarness(2, 3, 1)) {
            Operand<TFloat32> y = h.input(new float[][] {{0}, {1}, {3}});
            Operand<TFloat32> w = h.input(new float[][] {{0, 1, 0.5f}, {1, 0, 2}, {0.5f, 2, 0}});
            Operand<TFloat32> l = h.build(new SpectralNetLoss(), Map.of("y", y, "affinity", w), Map.of(), Map.of()).get("loss");
            assertThat(h.scalar(l)).isCloseTo(3, within(1e-5));
        }
    }

    @Test
    void spectralNetGradients() {
        try (BlockHarness h = new BlockHarness(2, 5, 3)) {
            Operand<TFloat32> y = h.randomInput(5, 3);
            float[][] w = new float[5][5];
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    w[i][j] = i == j ? 0 : 1f / (1 + i + j);
                }
            }
            Operand<TFloat32> l = h.build(new SpectralNetLoss(), Map.of("y", y, "affinity", h.input(w)), Map.of(), Map.of()).get("loss");
            assertThat(h.gradientError(l, y, 1e-2)).isLessThan(1e-3);
        }
    }

    /** Views (0, 1), (1, 1), (2, 3): pair means 0.5, 4, 2.5, sum 7, times 2/9. */
    @Test
    void viewDistanceByHand() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            List<Operand<TFloat32>> v = List.of(h.input(new float[][] {{0}, {1}}), h.input(new float[][] {{1}, {1}}),
                    h.input(new float[][] {{2}, {3}}));
            Operand<TFloat32> l = h.build(new ViewDistanceLoss(), Map.of(), Map.of("views", v), Map.of()).get("loss");
            assertThat(h.scalar(l)).isCloseTo(14.0 / 9, within(1e-5));
        }
    }

    /** Five views: ten pair terms, summed through FanIn. */
    @Test
    void viewDistanceGradients() {
        try (BlockHarness h = new BlockHarness(2, 4, 4)) {
            List<Operand<TFloat32>> v = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                v.add(h.randomInput(4, 2));
            }
            Operand<TFloat32> l = h.build(new ViewDistanceLoss(), Map.of(), Map.of("views", v), Map.of()).get("loss");
            for (Operand<TFloat32> x : v) {
                assertThat(h.gradientError(l, x, 1e-2)).isLessThan(1e-3);
            }
        }
    }

    /**
     * x = 0, 1, 5, 6 and k = 1 pair (0, 1) and (2, 3) both ways; z = 0, 0.5, 0, 2: positives' mean d = (0.25 + 0.25 + 4
     * + 4) / 4; the 8 negative ordered pairs have d 0, 4, 0.25, 2.25 twice, so mean max(0, 1 − d) = 3.5 / 8.
     */
    @Test
    void siameseByHand() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> x = h.input(new float[][] {{0}, {1}, {5}, {6}});
            Operand<TFloat32> z = h.input(new float[][] {{0}, {0.5f}, {0}, {2}});
            Operand<TFloat32> l = h.build(new SiameseLoss(), Map.of("z", z, "x", x), Map.of(), Map.of("k", 1)).get("loss");
            assertThat(h.scalar(l)).isCloseTo(0.5 * (8.5 / 4 + 3.5 / 8), within(1e-5));
        }
    }

    @Test
    void siameseGradients() {
        try (BlockHarness h = new BlockHarness(2, 6, 5)) {
            Operand<TFloat32> x = h.randomInput(6, 4);
            Operand<TFloat32> z = h.randomInput(6, 2);
            Operand<TFloat32> l = h.build(new SiameseLoss(), Map.of("z", z, "x", x), Map.of(), Map.of("k", 2)).get("loss");
            assertThat(h.gradientError(l, z, 1e-3)).isLessThan(1e-3);
            float[] gx = h.eval(h.tf().gradients(h.tf().math.add(l, h.tf().math.mul(h.tf().constant(0f),
                    h.tf().sum(h.tf().reshape(x, h.tf().constant(new long[] {-1})), h.tf().constant(0)))), List.of(x)).<TFloat32>dy(0));
            assertThat(gx).containsOnly(0f);
        }
    }
}
