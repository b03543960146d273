package org.mvclust.fusion;

import static org.mvclust.fusion.FusionProbes.column;
import static org.mvclust.fusion.FusionProbes.dot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.api.FusionOperator;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A fusion given a mask combines the present views only: as if the absent ones were not there. */
class MaskedFusionTest {
    private static final int N = 5;

    /** View 1 absent for every sample: fusion of three masked views equals fusion of views 0 and 2 alone. */
    @Test
    void aWhollyAbsentViewIsAsIfItWereNotThere() {
        List<FusionOperator> ops = List.of(new MeanFusion(), new WeightedMeanFusion(), new AttentionFusion());
        for (FusionOperator op : ops) {
            Map<String, Object> params = op instanceof AttentionFusion ? Map.of("learn", false) : Map.of();
            try (BlockHarness h = new BlockHarness(2, N, 3)) {
                List<Operand<TFloat32>> views = List.of(h.randomInput(N, 4), h.randomInput(N, 4), h.randomInput(N, 4));
                List<Operand<TFloat32>> masks = List.of(column(h, 1, 1, 1, 1, 1), column(h, 0, 0, 0, 0, 0), column(h, 1, 1, 1, 1, 1));
                Operand<TFloat32> masked = h.build(op, Map.of(), Map.of("views", views, "mask", masks), params).get("out");
                Operand<TFloat32> alone = h.build(op, Map.of(), Map.of("views", List.of(views.get(0), views.get(2))), params).get("out");
                Ops tf = h.tf();
                Operand<TFloat32> w = h.randomInput(N, 4);
                assertThat(h.eval(masked)).as(op.name()).containsExactly(h.eval(alone), within(1e-6f));
                Operand<TFloat32> fm = dot(tf, masked, w);
                Operand<TFloat32> fa = dot(tf, alone, w);
                for (int v : new int[] {0, 2}) {
                    float[] gm = h.eval(tf.gradients(fm, List.of(views.get(v))).<TFloat32>dy(0));
                    float[] ga = h.eval(tf.gradients(fa, List.of(views.get(v))).<TFloat32>dy(0));
                    assertThat(gm).as(op.name() + " gradient, view " + v).containsExactly(ga, within(1e-6f));
                    assertThat(h.gradientError(fm, views.get(v), 1e-2)).as(op.name()).isLessThan(1e-3);
                }
                float[] g1 = h.eval(tf.gradients(fm, List.of(views.get(1))).<TFloat32>dy(0));
                for (float g : g1) {
                    assertThat(g).as(op.name() + ": the absent view gets no gradient").isZero();
                }
            }
        }
    }

    /** Each sample averages exactly the views it has; learned weights are renormalised over them. */
    @Test
    void eachSampleUsesItsOwnPresentViews() {
        try (BlockHarness h = new BlockHarness(2, 3, 1)) {
            Operand<TFloat32> a = h.input(new float[][] {{1, 2}, {3, 4}, {5, 6}});
            Operand<TFloat32> b = h.input(new float[][] {{10, 20}, {30, 40}, {50, 60}});
            List<Operand<TFloat32>> masks = List.of(column(h, 1, 0, 1), column(h, 1, 1, 0));
            Operand<TFloat32> mean = h.build(new MeanFusion(), Map.of(), Map.of("views", List.of(a, b), "mask", masks), Map.of()).get("out");
            Map<String, Operand<TFloat32>> wm = h.build(new WeightedMeanFusion(), Map.of(),
                    Map.of("views", List.of(a, b), "mask", masks), Map.of("normalise", "none"));
            assertThat(h.eval(mean)).containsExactly(new float[] {5.5f, 11, 30, 40, 5, 6}, within(1e-5f));
            h.set(h.trainables().get(0), new float[] {0.2f, 0.6f});
            assertThat(h.eval(wm.get("out"))).containsExactly(new float[] {
                    (0.2f * 1 + 0.6f * 10) / 0.8f, (0.2f * 2 + 0.6f * 20) / 0.8f, 30, 40, 5, 6}, within(1e-5f));
            float[] cat = h.eval(h.build(new ConcatFusion(), Map.of(), Map.of("views", List.of(a, b), "mask", masks), Map.of()).get("out"));
            assertThat(cat).containsExactly(1, 2, 10, 20, 0, 0, 30, 40, 5, 6, 0, 0);
            float[] filled = h.eval(h.build(new ConcatFusion(), Map.of(), Map.of("views", List.of(a, b), "mask", masks),
                    Map.of("absent", "present_mean")).get("out"));
            assertThat(filled).containsExactly(1, 2, 10, 20, 30, 40, 30, 40, 5, 6, 5, 6);
        }
    }

    /** Learned attention with a mask: finite-difference gradients of the MLP weights and of the present views. */
    @Test
    void learnedAttentionWithAMaskHasCorrectGradients() {
        try (BlockHarness h = new BlockHarness(2, 4, 2)) {
            List<Operand<TFloat32>> views = List.of(h.randomInput(4, 3), h.randomInput(4, 3), h.randomInput(4, 3));
            List<Operand<TFloat32>> masks = List.of(column(h, 1, 0, 1, 1), column(h, 1, 1, 0, 1), column(h, 0, 1, 1, 1));
            Operand<TFloat32> out = h.build(new AttentionFusion(), Map.of(), Map.of("views", views, "mask", masks),
                    Map.of("hidden", List.of(5), "tau", 1.0)).get("out");
            Operand<TFloat32> f = h.probe(out);
            assertThat(h.gradientError(f, views.get(0), 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(f, h.trainables().get(0), 1e-2)).isLessThan(2e-3);
        }
    }

}
