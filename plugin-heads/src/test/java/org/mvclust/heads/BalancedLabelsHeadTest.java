package org.mvclust.heads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class BalancedLabelsHeadTest {
    @Test
    void balancesWhatPlainArgmaxPutsInOneCluster() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> p = h.input(new float[][] {{0.9f, 0.1f}, {0.8f, 0.2f}, {0.7f, 0.3f}, {0.6f, 0.4f}});
            Operand<TFloat32> out = h.build(new BalancedLabelsHead(), Map.of("x", p), Map.of(), Map.of("power", 1.0)).get("out");
            assertThat(h.eval(out)).containsExactly(1, 0, 1, 0, 0, 1, 0, 1);
        }
    }

    @Test
    void keepsAnAlreadyBalancedConfidentAssignment() {
        try (BlockHarness h = new BlockHarness(3, 6, 1)) {
            Operand<TFloat32> p = h.input(new float[][] {{0.8f, 0.1f, 0.1f}, {0.1f, 0.8f, 0.1f}, {0.1f, 0.1f, 0.8f},
                {0.1f, 0.1f, 0.8f}, {0.7f, 0.2f, 0.1f}, {0.2f, 0.6f, 0.2f}});
            Operand<TFloat32> out = h.build(new BalancedLabelsHead(), Map.of("x", p), Map.of(), Map.of()).get("out");
            assertThat(h.eval(out)).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0);
        }
    }
}
