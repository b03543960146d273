package org.mvclust.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;

class ActivationTest {
    private static final float[][] X = {{-2, 0, 3}};

    private static float[] apply(String name) {
        try (BlockHarness h = new BlockHarness(2, 1, 1)) {
            return h.eval(Layers.activate(h.tf(), name, h.input(X)));
        }
    }

    @Test
    void leakyReluHasSlopePointTwoOrTheOneGivenAfterTheColon() {
        assertThat(apply("leaky_relu")).containsExactly(new float[] {-0.4f, 0, 3}, within(1e-6f));
        assertThat(apply("leaky_relu:0.01")).containsExactly(new float[] {-0.02f, 0, 3}, within(1e-6f));
        assertThat(apply("leaky_relu:0")).containsExactly(new float[] {0, 0, 3}, within(1e-6f));
    }

    @Test
    void aBadSlopeOrNameIsRejectedWithTheValidNames() {
        assertThatThrownBy(() -> apply("leaky_relu:x")).hasMessageContaining("'leaky_relu:x'").hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> apply("leaky_relu:1.5")).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> apply("lrelu")).hasMessageContaining("'lrelu'").hasMessageContaining("leaky_relu:SLOPE");
    }
}
