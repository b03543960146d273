package org.mvclust.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class ConcatFusionTest {
    @Test
    void joinsViewsSideBySideAndASingleViewIsItself() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> a = h.randomInput(4, 3);
            Operand<TFloat32> b = h.randomInput(4, 2);
            float[] ab = h.eval(h.build(new ConcatFusion(), Map.of(), Map.of("views", List.of(a, b)), Map.of()).get("out"));
            float[] va = h.eval(a);
            float[] vb = h.eval(b);
            assertThat(ab).hasSize(20);
            assertThat(new float[] {ab[0], ab[1], ab[2], ab[3], ab[4]}).containsExactly(va[0], va[1], va[2], vb[0], vb[1]);
            float[] one = h.eval(h.build(new ConcatFusion(), Map.of(), Map.of("views", List.of(a)), Map.of()).get("out"));
            assertThat(one).containsExactly(va);
        }
    }
}
