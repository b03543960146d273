package org.mvclust.fusion;

import static org.mvclust.fusion.FusionProbes.column;
import static org.mvclust.fusion.FusionProbes.dot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.api.FusionOperator;
import org.mvclust.api.ParamSpec;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** {@code absent: view_mean}: absent views filled by their view's batch mean over the samples having it, then fused. */
class ViewMeanFillTest {
    private static final int N = 5;
    private static final List<FusionOperator> OPS = List.of(new ConcatFusion(), new MeanFusion(), new WeightedMeanFusion());

    @Test
    void defaultsAreTheFormerRules() {
        assertThat(OPS.stream().map(op -> op.params().stream().filter(p -> p.name().equals("absent")).findFirst()
                .orElseThrow().defaultValue()).toList()).containsExactly("zeros", "renormalise", "renormalise");
    }

    /** With every view present, a wired mask under view_mean gives exactly the unmasked numbers, values and gradients. */
    @Test
    void everyViewPresentGivesExactlyTheUnmaskedNumbers() {
        for (FusionOperator op : OPS) {
            try (BlockHarness h = new BlockHarness(2, N, 5)) {
                List<Operand<TFloat32>> views = List.of(h.randomInput(N, 4), h.randomInput(N, 4), h.randomInput(N, 4));
                List<Operand<TFloat32>> ones = List.of(column(h, 1, 1, 1, 1, 1), column(h, 1, 1, 1, 1, 1), column(h, 1, 1, 1, 1, 1));
                Operand<TFloat32> plain = h.build(op, Map.of(), Map.of("views", views), Map.of()).get("out");
                Operand<TFloat32> filled = h.build(op, Map.of(), Map.of("views", views, "mask", ones), Map.of("absent", "view_mean")).get("out");
                if (op instanceof WeightedMeanFusion) {
                    h.set(h.trainables().get(1), h.eval(h.trainables().get(0)));
                }
                assertThat(h.eval(filled)).as(op.name()).containsExactly(h.eval(plain));
                Ops tf = h.tf();
                Operand<TFloat32> w = h.randomInput(N, op instanceof ConcatFusion ? 12 : 4);
                for (Operand<TFloat32> view : views) {
                    float[] gp = h.eval(tf.gradients(dot(tf, plain, w), List.of(view)).<TFloat32>dy(0));
                    float[] gf = h.eval(tf.gradients(dot(tf, filled, w), List.of(view)).<TFloat32>dy(0));
                    assertThat(gf).as(op.name() + " gradient").containsExactly(gp);
                }
            }
        }
    }

    /** By hand: mean and weighted mean of the filled views; concat of the filled blocks. */
    @Test
    void valuesByHand() {
        try (BlockHarness h = new BlockHarness(2, 3, 1)) {
            Operand<TFloat32> a = h.input(new float[][] {{1, 2}, {99, 99}, {5, 6}});
            Operand<TFloat32> b = h.input(new float[][] {{10, 20}, {30, 40}, {-99, 99}});
            Map<String, List<Operand<TFloat32>>> in = Map.of("views", List.of(a, b), "mask", List.of(column(h, 1, 0, 1), column(h, 1, 1, 0)));
            Map<String, Object> vm = Map.of("absent", "view_mean");
            // view a's mean over samples 0, 2: (3, 4); view b's over samples 0, 1: (20, 30)
            assertThat(h.eval(h.build(new ConcatFusion(), Map.of(), in, vm).get("out")))
                    .containsExactly(1, 2, 10, 20, 3, 4, 30, 40, 5, 6, 20, 30);
            assertThat(h.eval(h.build(new MeanFusion(), Map.of(), in, vm).get("out")))
                    .containsExactly(new float[] {5.5f, 11, 16.5f, 22, 12.5f, 18}, within(1e-5f));
            Operand<TFloat32> wm = h.build(new WeightedMeanFusion(), Map.of(), in, Map.of("absent", "view_mean", "normalise", "none")).get("out");
            h.set(h.trainables().get(0), new float[] {0.2f, 0.6f});
            assertThat(h.eval(wm)).containsExactly(new float[] {0.2f + 6, 0.4f + 12, 0.6f + 18, 0.8f + 24, 1 + 12, 1.2f + 18}, within(1e-5f));
        }
    }

    /** What absent rows hold changes neither the output nor the present rows' gradients; gradients match finite differences. */
    @Test
    void absentRowsNeverMatter() {
        for (FusionOperator op : OPS) {
            try (BlockHarness h = new BlockHarness(2, N, 7)) {
                List<Operand<TFloat32>> views = List.of(h.randomInput(N, 3), h.randomInput(N, 3), h.randomInput(N, 3));
                float[][] mask = {{1, 0, 1, 1, 0}, {0, 1, 1, 0, 0}, {1, 1, 0, 1, 1}};
                List<Operand<TFloat32>> masks = List.of(column(h, mask[0]), column(h, mask[1]), column(h, mask[2]));
                Operand<TFloat32> out = h.build(op, Map.of(), Map.of("views", views, "mask", masks), Map.of("absent", "view_mean")).get("out");
                Ops tf = h.tf();
                Operand<TFloat32> f = h.probe(out);
                float[] before = h.eval(out);
                for (int v = 0; v < 3; v++) {
                    Operand<TFloat32> grad = tf.gradients(f, List.of(views.get(v))).dy(0);
                    float[] g = h.eval(grad);
                    float[] x = h.eval(views.get(v));
                    for (int i = 0; i < N; i++) {
                        for (int j = 0; j < 3; j++) {
                            if (mask[v][i] == 0) {
                                assertThat(g[i * 3 + j]).as("%s: absent row %d of view %d", op.name(), i, v).isZero();
                                x[i * 3 + j] = 50f * (j + 1) + 3f * i;
                            }
                        }
                    }
                    h.set(views.get(v), x);
                    assertThat(h.eval(out)).as(op.name() + ", view " + v).containsExactly(before);
                    assertThat(h.eval(grad)).as(op.name() + " gradient, view " + v).containsExactly(g);
                    assertThat(h.gradientError(f, views.get(v), 1e-2)).as(op.name()).isLessThan(1e-3);
                }
                if (op instanceof WeightedMeanFusion) {
                    assertThat(h.gradientError(f, h.trainables().get(0), 1e-2)).isLessThan(1e-3);
                }
            }
        }
    }

    @Test
    void allowedValues() {
        ParamSpec absent = new MeanFusion().params().get(0);
        assertThat(absent.allowed()).containsExactly("renormalise", "view_mean");
        assertThat(absent.admits("zeros")).isFalse();
        assertThat(new WeightedMeanFusion().params().get(1)).isEqualTo(absent);
        assertThat(new ConcatFusion().params().get(0).allowed()).containsExactly("zeros", "present_mean", "view_mean");
    }

}
