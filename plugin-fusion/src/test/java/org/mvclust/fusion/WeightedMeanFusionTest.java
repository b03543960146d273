package org.mvclust.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class WeightedMeanFusionTest {
    @Test
    void startsAsTheMeanWithEqualWeights() {
        for (String normalise : List.of("softmax", "none")) {
            try (BlockHarness h = new BlockHarness(2, 4, 1)) {
                List<Operand<TFloat32>> views = List.of(h.randomInput(4, 3), h.randomInput(4, 3), h.randomInput(4, 3));
                Map<String, Operand<TFloat32>> f = h.build(new WeightedMeanFusion(), Map.of(), Map.of("views", views),
                        Map.of("normalise", normalise));
                Operand<TFloat32> mean = h.build(new MeanFusion(), Map.of(), Map.of("views", views), Map.of()).get("out");
                assertThat(h.eval(f.get("weights"))).containsExactly(new float[] {1 / 3f, 1 / 3f, 1 / 3f}, within(1e-6f));
                float[] expected = h.eval(mean);
                assertThat(h.eval(f.get("out"))).containsExactly(expected, within(1e-6f));
            }
        }
    }

    @Test
    void learnedWeightsGetGradientsMatchingFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            List<Operand<TFloat32>> views = List.of(h.randomInput(4, 3), h.randomInput(4, 3));
            Operand<TFloat32> out = h.build(new WeightedMeanFusion(), Map.of(), Map.of("views", views), Map.of()).get("out");
            Ops tf = h.tf();
            Operand<TFloat32> f = tf.sum(tf.math.mul(out, out), tf.constant(new int[] {0, 1}));
            Operand<TFloat32> logits = h.trainables().get(0);
            float[] g = h.eval(tf.gradients(f, List.of(logits)).<TFloat32>dy(0));
            assertThat(Math.abs(g[0]) + Math.abs(g[1])).isGreaterThan(1e-3f);
            assertThat(h.gradientError(f, logits, 1e-2)).isLessThan(1e-3);
            assertThat(h.gradientError(f, views.get(1), 1e-2)).isLessThan(1e-3);
            h.set(logits, new float[] {0, (float) Math.log(3)});
            float[] a = h.eval(views.get(0));
            float[] b = h.eval(views.get(1));
            float[] fused = h.eval(out);
            for (int i = 0; i < a.length; i++) {
                assertThat(fused[i]).isCloseTo(0.25f * a[i] + 0.75f * b[i], within(1e-5f));
            }
        }
    }
}
