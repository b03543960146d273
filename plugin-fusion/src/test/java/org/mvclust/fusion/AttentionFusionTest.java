package org.mvclust.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class AttentionFusionTest {
    @Test
    void weightsArePositiveSumToOneAndStayNearUniformWithTau10() {
        for (int views : new int[] {2, 3}) {
            try (BlockHarness h = new BlockHarness(2, 20, views)) {
                List<Operand<TFloat32>> in = new java.util.ArrayList<>();
                for (int v = 0; v < views; v++) {
                    in.add(h.tf().math.mul(h.tf().constant(5f), h.randomInput(20, 4)));
                }
                Map<String, Operand<TFloat32>> out = h.build(new AttentionFusion(), Map.of(), Map.of("views", in), Map.of());
                float[] w = h.eval(out.get("weights"));
                assertThat(w).hasSize(views);
                double sum = 0;
                // sigmoid ∈ (0, 1), so with τ = 10 a weight is within a factor e^0.1 of the others
                double lo = 1 / (1 + (views - 1) * Math.exp(0.1));
                double hi = Math.exp(0.1) / (Math.exp(0.1) + views - 1);
                for (float x : w) {
                    assertThat((double) x).isBetween(lo, hi);
                    sum += x;
                }
                assertThat(sum).isCloseTo(1.0, within(1e-6));
                System.out.println("attention weights (" + views + " views, untrained): " + java.util.Arrays.toString(w));
                // the fused representation is Σ_v w_v h_v
                float[] fused = h.eval(out.get("out"));
                float[][] hv = new float[views][];
                for (int v = 0; v < views; v++) {
                    hv[v] = h.eval(in.get(v));
                }
                for (int i = 0; i < fused.length; i++) {
                    double expect = 0;
                    for (int v = 0; v < views; v++) {
                        expect += w[v] * hv[v][i];
                    }
                    assertThat((double) fused[i]).isCloseTo(expect, within(1e-4));
                }
            }
        }
    }

    @Test
    void fixedWeightsAreUniformAndHaveNoVariables() {
        try (BlockHarness h = new BlockHarness(2, 3, 1)) {
            Operand<TFloat32> a = h.input(new float[][] {{1, 2}, {3, 4}, {5, 6}});
            Operand<TFloat32> b = h.input(new float[][] {{3, 2}, {1, 0}, {5, 4}});
            Map<String, Operand<TFloat32>> out = h.build(new AttentionFusion(), Map.of(), Map.of("views", List.of(a, b)),
                    Map.of("learn", false));
            assertThat(h.eval(out.get("weights"))).containsExactly(0.5f, 0.5f);
            assertThat(h.eval(out.get("out"))).containsExactly(2, 2, 2, 2, 5, 5);
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(2, 5, 4)) {
            Operand<TFloat32> a = h.randomInput(5, 3);
            Operand<TFloat32> b = h.randomInput(5, 3);
            Map<String, Operand<TFloat32>> out = h.build(new AttentionFusion(), Map.of(), Map.of("views", List.of(a, b)),
                    Map.of("tau", 0.5));
            var tf = h.tf();
            Operand<TFloat32> loss = tf.sum(tf.math.mul(out.get("out"), tf.constant(new float[][] {
                    {1, 2, 3}, {0, 1, 0}, {3, 1, 2}, {1, -1, 0}, {0, 0, 2}})), tf.constant(new int[] {0, 1}));
            assertThat(h.gradientError(loss, a, 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(loss, b, 1e-2)).isLessThan(2e-3);
        }
    }
}
