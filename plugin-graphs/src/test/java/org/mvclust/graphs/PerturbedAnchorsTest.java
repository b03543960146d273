package org.mvclust.graphs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class PerturbedAnchorsTest {
    @Test
    void defaultCountIsFloorSqrtOfSamplesTimesClusters() {
        assertThat(Anchors.defaultCount(685, 5)).isEqualTo(58);
        assertThat(Anchors.defaultCount(680, 68)).isEqualTo(215);
        assertThat(Anchors.defaultCount(3, 5)).isEqualTo(3);
        try (BlockHarness h = new BlockHarness(5, 685, 1)) {
            Operand<TFloat32> u = h.build(new PerturbedAnchors(), Map.of("z", h.randomInput(4, 6)), Map.of(), Map.of()).get("anchors");
            assertThat(u.shape().size(0)).isEqualTo(58);
            assertThat(u.shape().size(1)).isEqualTo(6);
        }
    }

    @Test
    void startsAtTheInitialAnchorsAndAddsNoiseOfSigmaOnlyWhileTraining() {
        int m = 50, d = 40;
        try (BlockHarness h = new BlockHarness(2, 100, 3)) {
            Map<String, Operand<TFloat32>> out = h.build(new PerturbedAnchors(), Map.of("z", h.randomInput(2, d)), Map.of(),
                    Map.of("count", m, "sigma_init", 0.5));
            float[] init = h.eval(out.get("init"));
            float[] eval = h.eval(out.get("anchors"));
            assertThat(eval).containsExactly(init);
            float[] sigma = h.eval(out.get("sigma"));
            assertThat((double) sigma[0]).isCloseTo(0.5, within(1e-5));
            h.training(true);
            float[] noisy = h.eval(out.get("anchors"));
            double mean = 0, sq = 0;
            for (int i = 0; i < noisy.length; i++) {
                double e = noisy[i] - init[i];
                mean += e;
                sq += e * e;
            }
            mean /= noisy.length;
            double std = Math.sqrt(sq / noisy.length - mean * mean);
            assertThat(mean).isCloseTo(0, within(0.05));
            assertThat(std).isCloseTo(0.5, within(0.05));
        }
    }

    @Test
    void withoutPerturbationTheAnchorsAreTheInitialOnes() {
        try (BlockHarness h = new BlockHarness(2, 100, 3)) {
            Map<String, Operand<TFloat32>> out = h.build(new PerturbedAnchors(), Map.of("z", h.randomInput(2, 3)), Map.of(),
                    Map.of("count", 4, "perturb", false));
            h.training(true);
            assertThat(h.eval(out.get("anchors"))).containsExactly(h.eval(out.get("init")));
        }
    }

    @Test
    void gradientOfAFunctionOfTheAnchorsMatchesFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(2, 100, 4)) {
            Map<String, Operand<TFloat32>> out = h.build(new PerturbedAnchors(), Map.of("z", h.randomInput(2, 3)), Map.of(),
                    Map.of("count", 4, "out_init", "glorot", "activation", "tanh"));
            var tf = h.tf();
            Operand<TFloat32> u = out.get("anchors");
            Operand<TFloat32> f = tf.sum(tf.reshape(tf.math.square(u), tf.constant(new long[] {-1})), tf.constant(0));
            h.training(true);
            // the initial anchors are a state variable: perturbing them moves U through Û, μ and σ
            assertThat(h.gradientError(f, out.get("init"), 1e-2)).isLessThan(1e-2);
        }
    }

    @Test
    void theAuthorsCodeFormGivesUnitAnchorsAndANonNegativeSigma() {
        try (BlockHarness h = new BlockHarness(2, 100, 3)) {
            Map<String, Operand<TFloat32>> out = h.build(new PerturbedAnchors(), Map.of("z", h.randomInput(2, 8)), Map.of(),
                    Map.of("count", 6, "hidden", -1, "mu_activation", "leaky_relu", "sigma", "relu", "out_init", "torch",
                            "normalize", true));
            h.training(true);
            float[] u = h.eval(out.get("anchors"));
            for (int r = 0; r < 6; r++) {
                double n = 0;
                for (int c = 0; c < 8; c++) {
                    n += u[r * 8 + c] * u[r * 8 + c];
                }
                assertThat(Math.sqrt(n)).isCloseTo(1, within(1e-5));
            }
            for (float v : h.eval(out.get("sigma"))) {
                assertThat(v).isGreaterThanOrEqualTo(0f);
            }
        }
    }
}
