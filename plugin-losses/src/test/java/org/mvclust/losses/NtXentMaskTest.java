package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** nt_xent with a presence mask: each view pair's term is the unmasked loss on the samples having both views. */
class NtXentMaskTest {
    private static final float[][][] MASK = {
        {{1}, {1}, {0}, {1}, {1}, {1}, {0}},
        {{1}, {0}, {1}, {1}, {1}, {1}, {1}},
        {{0}, {1}, {1}, {1}, {0}, {1}, {1}},
    };

    private static Operand<TFloat32> loss(BlockHarness h, List<Operand<TFloat32>> views, List<Operand<TFloat32>> masks,
                                          Map<String, Object> params, Map<String, Operand<TFloat32>> one) {
        Map<String, List<Operand<TFloat32>>> many = masks == null ? Map.of("views", views) : Map.of("views", views, "mask", masks);
        return h.build(new NtXentLoss(), one, many, params).get("loss");
    }

    private static int[] both(int u, int v) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < MASK[0].length; i++) {
            if (MASK[u][i][0] == 1 && MASK[v][i][0] == 1) {
                rows.add(i);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void eachPairIsTheLossOnTheSamplesHavingBothViews() {
        try (BlockHarness h = new BlockHarness(2, 7, 5)) {
            Ops tf = h.tf();
            List<Operand<TFloat32>> z = List.of(h.randomInput(7, 4), h.randomInput(7, 4), h.randomInput(7, 4));
            List<Operand<TFloat32>> m = List.of(h.input(MASK[0]), h.input(MASK[1]), h.input(MASK[2]));
            Map<String, Object> params = Map.of("tau", 0.4);
            Operand<TFloat32> masked = loss(h, z, m, params, Map.of());
            List<Operand<TFloat32>> pairs = new ArrayList<>();
            for (int u = 0; u < 3; u++) {
                for (int v = u + 1; v < 3; v++) {
                    var rows = tf.constant(both(u, v));
                    pairs.add(loss(h, List.of(tf.gather(z.get(u), rows, tf.constant(0)), tf.gather(z.get(v), rows, tf.constant(0))),
                            null, params, Map.of()));
                }
            }
            // two views scale by 2/(2·1) = 1, three by 2/(3·2) = 1/3
            Operand<TFloat32> alone = tf.math.div(tf.math.addN(pairs), tf.constant(3f));
            assertThat(h.scalar(masked)).isCloseTo(h.scalar(alone), within(1e-5)).isGreaterThan(0.1);
            for (Operand<TFloat32> view : z) {
                float[] gm = h.eval(tf.gradients(masked, List.of(view)).<TFloat32>dy(0));
                float[] ga = h.eval(tf.gradients(alone, List.of(view)).<TFloat32>dy(0));
                for (int i = 0; i < gm.length; i++) {
                    assertThat(gm[i]).isCloseTo(ga[i], within(1e-5f));
                }
            }
            assertThat(h.gradientError(masked, z.get(0), 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(masked, z.get(2), 1e-2)).isLessThan(2e-3);
        }
    }

    @Test
    void aPairNoSampleHasAddsNothing() {
        float[][] none = new float[7][1];
        float[][] all = {{1}, {1}, {1}, {1}, {1}, {1}, {1}};
        try (BlockHarness h = new BlockHarness(2, 7, 6)) {
            Ops tf = h.tf();
            Operand<TFloat32> a = h.randomInput(7, 3);
            Operand<TFloat32> b = h.randomInput(7, 3);
            Operand<TFloat32> masked = loss(h, List.of(a, b), List.of(h.input(all), h.input(none)), Map.of("tau", 0.5), Map.of());
            Operand<TFloat32> full = loss(h, List.of(a, b), List.of(h.input(all), h.input(all)), Map.of("tau", 0.5), Map.of());
            Operand<TFloat32> plain = loss(h, List.of(a, b), null, Map.of("tau", 0.5), Map.of());
            assertThat(h.scalar(masked)).isEqualTo(0.0);
            float[] ga = h.eval(tf.gradients(masked, List.of(a)).<TFloat32>dy(0));
            assertThat(ga).containsOnly(0f);
            // a complete mask is the unmasked loss
            assertThat(h.scalar(full)).isCloseTo(h.scalar(plain), within(1e-5));
        }
    }

    /** Sampled negatives: what absent rows hold changes neither the value nor the gradients (they get none). */
    @Test
    void sampledNegativesIgnoreAbsentRows() {
        try (BlockHarness h = new BlockHarness(3, 7, 7)) {
            Ops tf = h.tf();
            List<Operand<TFloat32>> z = List.of(h.randomInput(7, 4), h.randomInput(7, 4), h.randomInput(7, 4));
            List<Operand<TFloat32>> m = List.of(h.input(MASK[0]), h.input(MASK[1]), h.input(MASK[2]));
            Operand<TFloat32> masked = loss(h, z, m, Map.of("tau", 0.5, "negatives", "sampled", "ratio", 1.0),
                    Map.of("assignments", h.randomInput(7, 3)));
            double before = h.scalar(masked);
            float[] g0 = h.eval(tf.gradients(masked, List.of(z.get(0))).<TFloat32>dy(0));
            for (int i = 0; i < 7; i++) {
                if (MASK[0][i][0] == 0) {
                    for (int c = 0; c < 4; c++) {
                        assertThat(g0[i * 4 + c]).isEqualTo(0f);
                    }
                }
            }
            float[] x = h.eval(z.get(0));
            for (int i = 0; i < 7; i++) {
                for (int c = 0; c < 4 && MASK[0][i][0] == 0; c++) {
                    x[i * 4 + c] = 5f * (c + 1) - i;
                }
            }
            h.set(z.get(0), x);
            assertThat(h.scalar(masked)).isCloseTo(before, within(1e-6)).isGreaterThan(0.1);
            assertThat(h.eval(tf.gradients(masked, List.of(z.get(1))).<TFloat32>dy(0))).isNotEmpty();
            assertThat(h.gradientError(masked, z.get(1), 1e-2)).isLessThan(2e-3);
        }
    }
}
