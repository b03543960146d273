package org.mvclust.graphs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class SelfExpressionTest {
    private static final float[] C = {
        0, 1, 2, 3,
        4, 0, 5, 6,
        7, 8, 0, 9,
        1, -2, 3, 0};

    /** A batch of dataset rows 2, 0, 3: C_b is C at those rows and columns with a zero diagonal; out = C_b x. */
    @Test
    void gathersTheBatchBlockOfC() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> x = h.input(new float[][] {{1, 0}, {0, 1}, {1, 1}});
            Operand<TFloat32> idx = h.input(new float[][] {{2}, {0}, {3}});
            Map<String, Operand<TFloat32>> out = h.build(new SelfExpression(), Map.of("x", x, "sample_index", idx), Map.of(), Map.of());
            float[] c = C.clone();
            c[0] = 50; // a diagonal entry is never used
            h.set(h.variable("self_expression.C"), c);
            // rows/cols (2, 0, 3): [[0, 7, 9], [2, 0, 3], [3, 1, 0]]
            assertThat(h.eval(out.get("coef"))).containsExactly(0, 7, 9, 2, 0, 3, 3, 1, 0);
            assertThat(h.eval(out.get("out"))).containsExactly(9, 16, 5, 3, 3, 1);
            assertThat(h.eval(out.get("affinity"))).containsExactly(0, 4.5f, 6, 4.5f, 0, 2, 6, 2, 0);
        }
    }

    @Test
    void startsAtTheInitialValue() {
        try (BlockHarness h = new BlockHarness(2, 3, 1)) {
            Operand<TFloat32> x = h.input(new float[][] {{1}, {2}, {3}});
            Operand<TFloat32> idx = h.input(new float[][] {{0}, {1}, {2}});
            Operand<TFloat32> out = h.build(new SelfExpression(), Map.of("x", x, "sample_index", idx), Map.of(), Map.of()).get("out");
            float[] v = h.eval(out);
            assertThat(v[0]).isCloseTo(5e-4f, within(1e-9f));
            assertThat(v[1]).isCloseTo(4e-4f, within(1e-9f));
            assertThat(v[2]).isCloseTo(3e-4f, within(1e-9f));
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> x = h.randomInput(3, 2);
            Operand<TFloat32> idx = h.input(new float[][] {{3}, {1}, {2}});
            Map<String, Operand<TFloat32>> out = h.build(new SelfExpression(), Map.of("x", x, "sample_index", idx), Map.of(), Map.of());
            Operand<TFloat32> loss = h.tf().math.add(h.probe(out.get("out")), h.probe(out.get("coef")));
            Operand<TFloat32> c = h.variable("self_expression.C");
            h.set(c, C);
            assertThat(h.gradientError(loss, x, 1e-2)).isLessThan(1e-3);
            assertThat(h.gradientError(loss, c, 1e-2)).isLessThan(1e-3);
        }
    }

    @Test
    void refusesDatasetsAboveTheLimit() {
        try (BlockHarness h = new BlockHarness(2, 20, 1)) {
            Operand<TFloat32> x = h.randomInput(3, 2);
            Operand<TFloat32> idx = h.input(new float[][] {{0}, {1}, {2}});
            assertThatThrownBy(() -> h.build(new SelfExpression(), Map.of("x", x, "sample_index", idx), Map.of(),
                    Map.of("max_samples", 10)))
                    .hasMessageContaining("20 samples").hasMessageContaining("max_samples = 10").hasMessageContaining("subset=");
        }
        assertThat(new SelfExpression().params().get(0).defaultValue()).isEqualTo(10_000);
    }
}
