package org.mvclust.fusion;

import static org.mvclust.fusion.FusionProbes.column;
import static org.mvclust.fusion.FusionProbes.dot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** linear fusion, mode concat, with a mask: absent: rescale (the default) and absent: view_mean. */
class LinearFusionMaskTest {
    private static final int N = 4;

    /** View 1 (of 3) absent for every sample: the layer restricted to views 0 and 2, fed 1.5 · [h0, h2]. */
    @Test
    void aWhollyAbsentViewIsTheLayerOnThePresentViewsScaled() {
        try (BlockHarness h = new BlockHarness(2, N, 4)) {
            Ops tf = h.tf();
            List<Operand<TFloat32>> views = List.of(h.randomInput(N, 3), h.randomInput(N, 2), h.randomInput(N, 4));
            List<Operand<TFloat32>> masks = List.of(column(h, 1, 1, 1, 1), column(h, 0, 0, 0, 0), column(h, 1, 1, 1, 1));
            Operand<TFloat32> masked = h.build(new LinearFusion(), Map.of(), Map.of("views", views, "mask", masks),
                    Map.of("out", 5, "init", "torch")).get("out");
            Operand<TFloat32> s = tf.constant(1.5f);
            Operand<TFloat32> alone = h.build(new LinearFusion(), Map.of(),
                    Map.of("views", List.of(tf.math.mul(views.get(0), s), tf.math.mul(views.get(2), s))), Map.of("out", 5)).get("out");
            List<Operand<TFloat32>> w = h.trainables();
            float[] weights = h.eval(w.get(0));
            // rows 0-2 of the 9 × 5 weight matrix belong to view 0, rows 5-8 to view 2
            float[] present = new float[7 * 5];
            System.arraycopy(weights, 0, present, 0, 15);
            System.arraycopy(weights, 25, present, 15, 20);
            h.set(w.get(2), present);
            h.set(w.get(3), h.eval(w.get(1)));
            assertThat(h.eval(masked)).containsExactly(h.eval(alone), within(1e-5f));
            Operand<TFloat32> r = h.randomInput(N, 5);
            Operand<TFloat32> fm = dot(tf, masked, r);
            Operand<TFloat32> fa = dot(tf, alone, r);
            for (int v : new int[] {0, 2}) {
                float[] gm = h.eval(tf.gradients(fm, List.of(views.get(v))).<TFloat32>dy(0));
                float[] ga = h.eval(tf.gradients(fa, List.of(views.get(v))).<TFloat32>dy(0));
                assertThat(gm).as("gradient, view " + v).containsExactly(ga, within(1e-5f));
            }
            for (float g : h.eval(tf.gradients(fm, List.of(views.get(1))).<TFloat32>dy(0))) {
                assertThat(g).as("the absent view gets no gradient").isZero();
            }
        }
    }

    /** Per sample: zeros for its absent views, V / (views it has) on the others; gradients against finite differences. */
    @Test
    void eachSampleIsScaledByItsOwnViewCount() {
        try (BlockHarness h = new BlockHarness(2, N, 5)) {
            Ops tf = h.tf();
            List<Operand<TFloat32>> views = List.of(h.randomInput(N, 3), h.randomInput(N, 2), h.randomInput(N, 3));
            float[][] m = {{1, 0, 1, 1}, {1, 1, 0, 1}, {0, 1, 0, 1}};
            List<Operand<TFloat32>> masks = List.of(column(h, m[0]), column(h, m[1]), column(h, m[2]));
            Operand<TFloat32> masked = h.build(new LinearFusion(), Map.of(), Map.of("views", views, "mask", masks),
                    Map.of("out", 3)).get("out");
            float[] count = {2, 2, 1, 3};
            List<Operand<TFloat32>> filled = new java.util.ArrayList<>();
            for (int v = 0; v < 3; v++) {
                float[][] scale = new float[N][1];
                for (int i = 0; i < N; i++) {
                    scale[i][0] = m[v][i] * 3 / count[i];
                }
                filled.add(tf.math.mul(views.get(v), tf.constant(scale)));
            }
            Operand<TFloat32> plain = h.build(new LinearFusion(), Map.of(), Map.of("views", filled), Map.of("out", 3)).get("out");
            List<Operand<TFloat32>> w = h.trainables();
            h.set(w.get(2), h.eval(w.get(0)));
            h.set(w.get(3), h.eval(w.get(1)));
            assertThat(h.eval(masked)).containsExactly(h.eval(plain), within(1e-5f));
            Operand<TFloat32> f = h.probe(masked);
            assertThat(h.gradientError(f, views.get(0), 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(f, w.get(0), 1e-2)).isLessThan(2e-3);
            float[] g2 = h.eval(tf.gradients(f, List.of(views.get(2))).<TFloat32>dy(0));
            for (int j = 0; j < 3; j++) {
                assertThat(g2[j]).as("sample 0 lacks view 2").isCloseTo(0f, within(0f));
            }
            assertThat(Arrays.copyOfRange(g2, 9, 12)).doesNotContain(0f);
        }
    }

    /** absent: view_mean: the layer on blocks filled by hand with each view's mean over its present samples, unscaled. */
    @Test
    void viewMeanFillsAbsentBlocksWithTheViewsMean() {
        try (BlockHarness h = new BlockHarness(2, 3, 8)) {
            Ops tf = h.tf();
            Operand<TFloat32> a = h.input(new float[][] {{1, 2}, {99, 99}, {5, 6}});
            Operand<TFloat32> b = h.input(new float[][] {{10, 20}, {30, 40}, {-99, 99}});
            List<Operand<TFloat32>> masks = List.of(column(h, 1, 0, 1), column(h, 1, 1, 0));
            Operand<TFloat32> masked = h.build(new LinearFusion(), Map.of(), Map.of("views", List.of(a, b), "mask", masks),
                    Map.of("out", 3, "absent", "view_mean")).get("out");
            // view a's mean over samples 0, 2: (3, 4); view b's over samples 0, 1: (20, 30)
            Operand<TFloat32> fa = tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}});
            Operand<TFloat32> fb = tf.constant(new float[][] {{10, 20}, {30, 40}, {20, 30}});
            Operand<TFloat32> plain = h.build(new LinearFusion(), Map.of(), Map.of("views", List.of(fa, fb)), Map.of("out", 3)).get("out");
            List<Operand<TFloat32>> w = h.trainables();
            h.set(w.get(2), h.eval(w.get(0)));
            h.set(w.get(3), h.eval(w.get(1)));
            assertThat(h.eval(masked)).containsExactly(h.eval(plain), within(1e-4f));
            Operand<TFloat32> f = h.probe(masked);
            float[] ga = h.eval(tf.gradients(f, List.of(a)).<TFloat32>dy(0));
            for (int j = 2; j < 4; j++) {
                assertThat(ga[j]).as("sample 1 lacks view a").isCloseTo(0f, within(0f));
            }
            assertThat(h.gradientError(f, a, 1e-2)).isLessThan(2e-3);
        }
    }

    @Test
    void otherModesRefuseAMask() {
        try (BlockHarness h = new BlockHarness(2, N, 6)) {
            List<Operand<TFloat32>> views = List.of(h.randomInput(N, 3), h.randomInput(N, 3));
            List<Operand<TFloat32>> masks = List.of(column(h, 1, 1, 1, 1), column(h, 1, 0, 1, 1));
            assertThatThrownBy(() -> h.build(new LinearFusion(), Map.of(), Map.of("views", views, "mask", masks),
                    Map.of("out", 3, "mode", "average")))
                    .hasMessageContaining("mask works with mode concat only, got mode 'average'");
        }
    }

}
