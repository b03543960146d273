package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Multi-VAE's terms: categorical_kl, and gaussian_kl / categorical_kl with a growing capacity |KL − C(t)|. */
class CapacityKlTest {
    // rows (0.5, 0.5) and (0.9, 0.1): log 2 + ((−log 2) + (0.9 log 0.9 + 0.1 log 0.1)) / 2
    private static final float[][] P = {{0.5f, 0.5f}, {0.9f, 0.1f}};
    private static final double KL_P = Math.log(2) + (-Math.log(2) + 0.9 * Math.log(0.9) + 0.1 * Math.log(0.1)) / 2;

    private static Operand<TFloat32> categorical(BlockHarness h, Operand<TFloat32> p, Map<String, Object> params) {
        return h.build(new CategoricalKlLoss(), Map.of("p", p), Map.of(), params).get("loss");
    }

    @Test
    void categoricalKlToTheUniformByHand() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            assertThat(KL_P).isCloseTo(0.184032, within(1e-6));
            Operand<TFloat32> kl = categorical(h, h.input(P), Map.of());
            Operand<TFloat32> uniform = categorical(h, h.input(new float[][] {{0.25f, 0.25f, 0.25f, 0.25f}}), Map.of());
            Operand<TFloat32> oneHot = categorical(h, h.input(new float[][] {{0, 0, 1, 0}}), Map.of());
            assertThat(h.scalar(kl)).isCloseTo(KL_P, within(1e-6));
            assertThat(h.scalar(uniform)).isCloseTo(0, within(1e-6));
            assertThat(h.scalar(oneHot)).isCloseTo(Math.log(4), within(1e-6));
        }
    }

    @Test
    void capacityGrowsByOneStepPerTrainingStepUpToItsMaximum() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            // C = log 2 reached after 4 steps; scale 0.5
            Operand<TFloat32> loss = categorical(h, h.input(P),
                    Map.of("capacity", 1.0, "capacity_unit", "log_k", "capacity_steps", 4, "scale", 0.5));
            double c = Math.log(2);
            h.training(false);
            assertThat(h.scalar(loss)).as("evaluation before any step: C = 0").isCloseTo(0.5 * KL_P, within(1e-6));
            h.training(true);
            assertThat(h.scalar(loss)).as("the first step: C = C/4").isCloseTo(0.5 * Math.abs(KL_P - c / 4), within(1e-6));
            for (int step = 1; step <= 6; step++) {
                h.runUpdates();
                h.training(false);
                assertThat(h.scalar(loss)).as("evaluation after %d steps", step)
                        .isCloseTo(0.5 * Math.abs(KL_P - c * Math.min(1, step / 4.0)), within(1e-6));
                h.training(true);
                assertThat(h.scalar(loss)).as("training step %d", step + 1)
                        .isCloseTo(0.5 * Math.abs(KL_P - c * Math.min(1, (step + 1) / 4.0)), within(1e-6));
            }
        }
    }

    @Test
    void gaussianKlWithCapacityByHand() {
        // KL = ½[(1 + 1 − 1 − 0) + (0 + e − 1 − 1)] for mu (1, 0), sigma (1, e^½)
        double kl = 0.5 * (1 + Math.E - 2);
        try (BlockHarness h = new BlockHarness(2, 1, 1)) {
            Operand<TFloat32> loss = h.build(new GaussianKlLoss(),
                    Map.of("mu", h.input(new float[][] {{1, 0}}), "sigma", h.input(new float[][] {{1, (float) Math.exp(0.5)}})),
                    Map.of(), Map.of("capacity", 5.0, "capacity_steps", 10, "scale", 0.5)).get("loss");
            h.training(true);
            assertThat(h.scalar(loss)).isCloseTo(0.5 * Math.abs(kl - 0.5), within(1e-6));
            h.runUpdates();
            h.runUpdates();
            h.runUpdates();
            assertThat(h.scalar(loss)).isCloseTo(0.5 * Math.abs(kl - 2.0), within(1e-6));
            h.training(false);
            assertThat(h.scalar(loss)).isCloseTo(0.5 * Math.abs(kl - 1.5), within(1e-6));
        }
    }

    @Test
    void withoutCapacityTheTermsKeepNoCounter() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            categorical(h, h.input(P), Map.of());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.variable("categorical_kl.steps_taken"))
                    .hasMessageContaining("no variable");
        }
    }

    @Test
    void badCapacitiesAreRefused() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> p = h.input(P);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> categorical(h, p, Map.of("capacity", -1.0)))
                    .hasMessageContaining("capacity must be 0 or more");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> categorical(h, p, Map.of("capacity", 1.0, "capacity_steps", 0)))
                    .hasMessageContaining("capacity_steps must be at least 1");
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(3, 4, 2)) {
            Operand<TFloat32> logits = h.randomInput(4, 3);
            Operand<TFloat32> p = h.tf().nn.softmax(logits);
            Operand<TFloat32> plain = categorical(h, p, Map.of());
            // C(1) = 0.01 log 3, below this KL: the gradient is the KL's, scaled
            Operand<TFloat32> capped = categorical(h, p, Map.of("capacity", 1.0, "capacity_unit", "log_k", "capacity_steps", 100, "scale", 2.0));
            Operand<TFloat32> mu = h.randomInput(4, 3);
            Operand<TFloat32> s = h.randomInput(4, 3);
            Operand<TFloat32> sigma = h.tf().math.exp(h.tf().math.mul(h.tf().constant(0.5f), s));
            Operand<TFloat32> gauss = h.build(new GaussianKlLoss(), Map.of("mu", mu, "sigma", sigma), Map.of(),
                    Map.of("capacity", 1000.0, "capacity_steps", 10)).get("loss");
            h.training(true);
            assertThat(h.gradientError(plain, logits, 1e-2)).isLessThan(2e-3);
            assertThat(h.scalar(capped)).as("C(1) = 0.011 below this KL").isGreaterThan(0.05);
            assertThat(h.gradientError(capped, logits, 1e-2)).isLessThan(2e-3);
            assertThat(h.scalar(gauss)).as("C(1) = 100 above this KL: the term is C − KL").isGreaterThan(50);
            assertThat(h.gradientError(gauss, mu, 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(gauss, s, 1e-2)).isLessThan(2e-3);
        }
    }
}
