package org.mvclust.heads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class DiscriminatorHeadTest {
    @Test
    void oneDiscriminatorPerNonAnchorViewSharedBetweenRealAndFake() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            float[][] x = {{1, 0}, {0, 1}, {2, 2}, {-1, 3}};
            Operand<TFloat32> v0 = h.input(x);
            Operand<TFloat32> v1 = h.input(x);
            Operand<TFloat32> v2 = h.randomInput(4, 2);
            Map<String, Operand<TFloat32>> out = h.build(new DiscriminatorHead(), Map.of(), Map.of("views", List.of(v0, v1, v2)),
                    Map.of("hidden", List.of(5, 3)));
            assertThat(out.get("fake").shape().size(1)).isEqualTo(2);
            float[] fake = h.eval(out.get("fake"));
            float[] real = h.eval(out.get("real"));
            for (int i = 0; i < 4; i++) {
                // view 1 equals the anchor, so D_1 sees the same rows as real and as fake
                assertThat(fake[2 * i]).isEqualTo(real[2 * i]);
                // D_1 and D_2 are different networks
                assertThat(real[2 * i + 1]).isNotEqualTo(real[2 * i]);
                assertThat(fake[2 * i + 1]).isNotEqualTo(real[2 * i + 1]);
            }
        }
    }
}
