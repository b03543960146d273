package org.mvclust.heads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class JoinHeadTest {
    @Test
    void putsTheColumnsOfASideBySideWithThoseOfB() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> out = h.build(new JoinHead(),
                    Map.of("a", h.input(new float[][] {{1, 2}, {3, 4}}), "b", h.input(new float[][] {{5}, {6}})), Map.of(), Map.of()).get("out");
            assertThat(out.shape().size(1)).isEqualTo(3);
            assertThat(h.eval(out)).containsExactly(1, 2, 5, 3, 4, 6);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(2, 3, 1)) {
            Operand<TFloat32> a = h.randomInput(3, 2);
            Operand<TFloat32> b = h.randomInput(3, 4);
            Operand<TFloat32> out = h.build(new JoinHead(), Map.of("a", a, "b", b), Map.of(), Map.of()).get("out");
            Operand<TFloat32> f = h.probe(h.tf().math.tanh(out));
            assertThat(h.gradientError(f, a, 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(f, b, 1e-2)).isLessThan(2e-3);
        }
    }
}
