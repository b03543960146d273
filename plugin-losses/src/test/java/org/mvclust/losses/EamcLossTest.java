package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mvclust.losses.DdcLossTest.ref;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.nn.Distances;
import org.mvclust.nn.Kernels;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class EamcLossTest {
    @Test
    void attentionLossByHand() {
        try (BlockHarness h = new BlockHarness(2, 3, 1)) {
            Operand<TFloat32> h1 = ref(h, h.input(new float[][] {{0}, {1}, {3}}));
            Operand<TFloat32> h2 = ref(h, h.input(new float[][] {{2}, {0}, {1}}));
            Operand<TFloat32> hf = ref(h, h.input(new float[][] {{1.2f}, {0.4f}, {1.8f}}));
            Operand<TFloat32> w = h.tf().constant(new float[] {0.4f, 0.6f});
            Operand<TFloat32> loss = h.build(new AttentionLoss(), Map.of("fused", hf, "weights", w),
                    Map.of("views", List.of(h1, h2)), Map.of()).get("loss");
            // σ² = 0.15 · median: 0.054 for the fused rows, 0.15 for each view;
            // K_f off-diagonal 2.669e-3, 3.567e-2, 1.313e-8; K_c = 0.4 K_1 + 0.6 K_2 off-diagonal 1.427e-2, 2.140e-2, 2.141e-2
            assertThat(h.scalar(loss)).isCloseTo(0.0015927707643796146, within(2e-6));
        }
    }

    @Test
    void attentionLossGradientsTreatBandwidthsAsConstant() {
        try (BlockHarness h = new BlockHarness(2, 7, 3)) {
            Ops tf = h.tf();
            Operand<TFloat32> v1 = h.randomInput(7, 3);
            Operand<TFloat32> v2 = h.randomInput(7, 3);
            Operand<TFloat32> wVar = h.variable(new long[] {2}, new float[] {0.3f, 0.7f});
            Operand<TFloat32> h1 = ref(h, v1);
            Operand<TFloat32> h2 = ref(h, v2);
            Operand<TFloat32> w = ref(h, wVar);
            Operand<TFloat32> hf = tf.math.add(tf.math.mul(tf.gather(w, tf.constant(0), tf.constant(0)), h1),
                    tf.math.mul(tf.gather(w, tf.constant(1), tf.constant(0)), h2));
            Operand<TFloat32> loss = h.build(new AttentionLoss(), Map.of("fused", hf, "weights", w),
                    Map.of("views", List.of(h1, h2)), Map.of()).get("loss");
            // weights do not enter the view bandwidths, only the fused one: check them with the fused σ² fixed
            List<Operand<TFloat32>> xs = List.of(hf, h1, h2);
            float[] s2 = new float[3];
            for (int i = 0; i < 3; i++) {
                s2[i] = (float) h.scalar(Kernels.bandwidth(tf, Distances.squared(tf, xs.get(i), xs.get(i)), 0.15));
            }
            Operand<TFloat32>[] k = fixedKernels(tf, xs, s2);
            Operand<TFloat32> kc = tf.math.add(tf.math.mul(tf.gather(w, tf.constant(0), tf.constant(0)), k[1]),
                    tf.math.mul(tf.gather(w, tf.constant(1), tf.constant(0)), k[2]));
            Operand<TFloat32> fixed = tf.sum(tf.math.square(tf.math.sub(k[0], kc)), tf.constant(new int[] {0, 1}));
            assertThat(h.scalar(fixed)).isCloseTo(h.scalar(loss), within(1e-6));
            for (Operand<TFloat32> x : List.of(v1, v2, wVar)) {
                assertThat(h.gradientError(fixed, x, 5e-3)).isLessThan(3e-3);
                float[] g = h.eval(tf.gradients(loss, List.of(x)).dy(0));
                float[] f = h.eval(tf.gradients(fixed, List.of(x)).dy(0));
                for (int i = 0; i < g.length; i++) {
                    assertThat(g[i]).isCloseTo(f[i], within(1e-5f));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32>[] fixedKernels(Ops tf, List<Operand<TFloat32>> xs, float[] s2) {
        Operand<TFloat32>[] k = new Operand[xs.size()];
        for (int i = 0; i < xs.size(); i++) {
            k[i] = Kernels.gaussian(tf, Distances.squared(tf, xs.get(i), xs.get(i)), tf.constant(s2[i]));
        }
        return k;
    }

    @Test
    void adversarialLossesByHand() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            float ln3 = (float) Math.log(3);
            // two discriminators (columns); sigmoid(0) = 0.5, sigmoid(ln 3) = 0.75
            Operand<TFloat32> fake = ref(h, h.input(new float[][] {{0, ln3}, {ln3, ln3}}));
            Operand<TFloat32> real = ref(h, h.input(new float[][] {{0, 0}, {0, ln3}}));
            Operand<TFloat32> gen = h.build(new GeneratorLoss(), Map.of("fake", fake), Map.of(), Map.of()).get("loss");
            Operand<TFloat32> disc = h.build(new DiscriminatorLoss(), Map.of("real", real, "fake", fake), Map.of(), Map.of()).get("loss");
            double l2 = Math.log(2);
            double l43 = Math.log(4 / 3.0);
            double l4 = Math.log(4);
            // generator: -log D(fake) per column, batch mean, summed over columns
            assertThat(h.scalar(gen)).isCloseTo((l2 + l43) / 2 + (l43 + l43) / 2, within(1e-6));
            // discriminator: -log(1 - D(fake)) + -log D(real)
            double fakePart = (l2 + l4) / 2 + (l4 + l4) / 2;
            double realPart = (l2 + l2) / 2 + (l2 + l43) / 2;
            assertThat(h.scalar(disc)).isCloseTo(fakePart + realPart, within(1e-6));
        }
    }

    @Test
    void adversarialLossGradientsMatchFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(2, 6, 2)) {
            Operand<TFloat32> fakeVar = h.randomInput(6, 2);
            Operand<TFloat32> realVar = h.randomInput(6, 2);
            Operand<TFloat32> gen = h.build(new GeneratorLoss(), Map.of("fake", ref(h, fakeVar)), Map.of(), Map.of()).get("loss");
            Operand<TFloat32> disc = h.build(new DiscriminatorLoss(), Map.of("real", ref(h, realVar), "fake", ref(h, fakeVar)),
                    Map.of(), Map.of()).get("loss");
            assertThat(h.gradientError(gen, fakeVar, 1e-2)).isLessThan(1e-3);
            assertThat(h.gradientError(disc, fakeVar, 1e-2)).isLessThan(1e-3);
            assertThat(h.gradientError(disc, realVar, 1e-2)).isLessThan(1e-3);
        }
    }
}
