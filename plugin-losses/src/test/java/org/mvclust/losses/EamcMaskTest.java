package org.mvclust.losses;

import static org.mvclust.losses.MaskRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Loss;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** EAMC's losses with presence masks: each term equals the unmasked one on the samples that have its views. */
class EamcMaskTest {
    private static final float[][][] MASK = {
        {{1}, {0}, {1}, {1}, {1}, {0}},
        {{1}, {1}, {0}, {1}, {1}, {1}},
        {{0}, {1}, {1}, {1}, {0}, {1}},
    };

    private static List<Operand<TFloat32>> masks(BlockHarness h) {
        return List.of(h.input(MASK[0]), h.input(MASK[1]), h.input(MASK[2]));
    }

    private static Operand<TFloat32> loss(BlockHarness h, Loss loss, Map<String, Operand<TFloat32>> one,
                                          Map<String, List<Operand<TFloat32>>> many, Map<String, Object> params) {
        return h.build(loss, one, many, params).get("loss");
    }

    /** rows of column j of x, as an n × 1 tensor. */
    private static Operand<TFloat32> column(Ops tf, Operand<TFloat32> x, int j, int[] rows) {
        Operand<TFloat32> c = tf.slice(x, tf.constant(new int[] {0, j}), tf.constant(new int[] {-1, 1}));
        return tf.gather(c, tf.constant(rows), tf.constant(0));
    }

    private static void sameValueAndGradients(BlockHarness h, Operand<TFloat32> masked, Operand<TFloat32> alone,
                                              List<Operand<TFloat32>> wrt) {
        assertThat(h.scalar(masked)).isCloseTo(h.scalar(alone), within(1e-5)).isNotZero();
        for (Operand<TFloat32> x : wrt) {
            float[] gm = h.eval(h.tf().gradients(masked, List.of(x)).<TFloat32>dy(0));
            float[] ga = h.eval(h.tf().gradients(alone, List.of(x)).<TFloat32>dy(0));
            for (int i = 0; i < gm.length; i++) {
                assertThat(gm[i]).isCloseTo(ga[i], within(1e-5f));
            }
        }
    }

    /** Anchor 1: column 0 is view 0, column 1 is view 2; real logits count where view 1 is present. */
    @Test
    void adversarialTermsSkipAbsentSamplesPerView() {
        try (BlockHarness h = new BlockHarness(2, 6, 3)) {
            Ops tf = h.tf();
            Operand<TFloat32> fake = h.randomInput(6, 2);
            Operand<TFloat32> real = h.randomInput(6, 2);
            List<Operand<TFloat32>> m = masks(h);
            Map<String, Object> anchor = Map.of("anchor", 1);
            Operand<TFloat32> gen = loss(h, new GeneratorLoss(), Map.of("fake", fake), Map.of("mask", m), anchor);
            Operand<TFloat32> disc = loss(h, new DiscriminatorLoss(), Map.of("fake", fake, "real", real), Map.of("mask", m), anchor);
            Operand<TFloat32> gen0 = loss(h, new GeneratorLoss(), Map.of("fake", column(tf, fake, 0, rows(MASK[0]))), Map.of(), Map.of());
            Operand<TFloat32> gen2 = loss(h, new GeneratorLoss(), Map.of("fake", column(tf, fake, 1, rows(MASK[2]))), Map.of(), Map.of());
            Operand<TFloat32> disc0 = loss(h, new DiscriminatorLoss(), Map.of("fake", column(tf, fake, 0, rows(MASK[0])),
                    "real", column(tf, real, 0, rows(MASK[1]))), Map.of(), Map.of());
            Operand<TFloat32> disc2 = loss(h, new DiscriminatorLoss(), Map.of("fake", column(tf, fake, 1, rows(MASK[2])),
                    "real", column(tf, real, 1, rows(MASK[1]))), Map.of(), Map.of());
            sameValueAndGradients(h, gen, tf.math.add(gen0, gen2), List.of(fake));
            sameValueAndGradients(h, disc, tf.math.add(disc0, disc2), List.of(fake, real));
            assertThat(h.gradientError(disc, real, 1e-2)).isLessThan(1e-3);
            assertThat(h.gradientError(gen, fake, 1e-2)).isLessThan(1e-3);
        }
    }

    @Test
    void masksMustMatchTheDiscriminatorColumns() {
        try (BlockHarness h = new BlockHarness(2, 6, 3)) {
            Operand<TFloat32> fake = h.randomInput(6, 3);
            assertThatThrownBy(() -> loss(h, new GeneratorLoss(), Map.of("fake", fake), Map.of("mask", masks(h)), Map.of()))
                    .hasMessageContaining("3 discriminator columns but 2 masks");
            assertThatThrownBy(() -> loss(h, new GeneratorLoss(), Map.of("fake", fake), Map.of("mask", masks(h)), Map.of("anchor", 3)))
                    .hasMessageContaining("anchor 3 is not a view");
        }
    }

    /** A view absent from the whole batch: the loss on the other views with their weights renormalised. */
    @Test
    void attentionLossWithAWhollyAbsentView() {
        float[][] all = {{1}, {1}, {1}, {1}, {1}, {1}};
        float[][] none = new float[6][1];
        try (BlockHarness h = new BlockHarness(2, 6, 4)) {
            Ops tf = h.tf();
            List<Operand<TFloat32>> views = List.of(h.randomInput(6, 3), h.randomInput(6, 3), h.randomInput(6, 3));
            Operand<TFloat32> fused = h.randomInput(6, 3);
            Operand<TFloat32> w = h.input(new float[][] {{0.5f, 0.3f, 0.2f}});
            Operand<TFloat32> flat = tf.reshape(w, tf.constant(new long[] {3}));
            Operand<TFloat32> masked = loss(h, new AttentionLoss(), Map.of("fused", fused, "weights", flat),
                    Map.of("views", views, "mask", List.of(h.input(all), h.input(all), h.input(none))), Map.of());
            Operand<TFloat32> two = tf.math.div(tf.slice(flat, tf.constant(new int[] {0}), tf.constant(new int[] {2})), tf.constant(0.8f));
            Operand<TFloat32> alone = loss(h, new AttentionLoss(), Map.of("fused", fused, "weights", two),
                    Map.of("views", views.subList(0, 2)), Map.of());
            sameValueAndGradients(h, masked, alone, List.of(fused, views.get(0), views.get(1)));
            float[] g2 = h.eval(tf.gradients(masked, List.of(views.get(2))).<TFloat32>dy(0));
            assertThat(g2).containsOnly(0f);
        }
    }

    /** Per-sample masks: two samples sharing only view v are compared through K_v alone, with v's own bandwidth. */
    @Test
    void attentionLossPerSamplePairs() {
        try (BlockHarness h = new BlockHarness(2, 6, 5)) {
            Ops tf = h.tf();
            List<Operand<TFloat32>> views = List.of(h.randomInput(6, 3), h.randomInput(6, 3), h.randomInput(6, 3));
            Operand<TFloat32> fused = h.randomInput(6, 3);
            Operand<TFloat32> flat = tf.reshape(h.input(new float[][] {{0.5f, 0.3f, 0.2f}}), tf.constant(new long[] {3}));
            Operand<TFloat32> masked = loss(h, new AttentionLoss(), Map.of("fused", fused, "weights", flat),
                    Map.of("views", views, "mask", masks(h)), Map.of("rel_sigma", 0.5));
            double[][] x = new double[4][];
            for (int v = 0; v < 3; v++) {
                x[v] = doubles(h.eval(views.get(v)));
            }
            x[3] = doubles(h.eval(fused));
            double[] sigma2 = {bandwidth(x[0], rows(MASK[0])), bandwidth(x[1], rows(MASK[1])), bandwidth(x[2], rows(MASK[2])),
                bandwidth(x[3], ALL)};
            double expected = expected(x, sigma2);
            assertThat(h.scalar(masked)).isCloseTo(expected, within(1e-4 * Math.max(1, expected))).isGreaterThan(1e-3);
            // gradients against central differences of the double-precision formula, bandwidths held (no gradient)
            for (int which : new int[] {1, 3}) {
                float[] g = h.eval(tf.gradients(masked, List.of(which == 3 ? fused : views.get(which))).<TFloat32>dy(0));
                for (int e = 0; e < g.length; e++) {
                    double keep = x[which][e];
                    x[which][e] = keep + 1e-4;
                    double up = expected(x, sigma2);
                    x[which][e] = keep - 1e-4;
                    double down = expected(x, sigma2);
                    x[which][e] = keep;
                    assertThat((double) g[e]).isCloseTo((up - down) / 2e-4, within(1e-3 * Math.max(1, Math.abs(g[e]))));
                }
            }
            // absent rows may hold anything
            float[] x0 = h.eval(views.get(0));
            x0[3] = 40f;
            x0[1 * 3 + 2] = -7f;
            h.set(views.get(0), x0);
            assertThat(h.scalar(masked)).isCloseTo(expected, within(1e-4 * Math.max(1, expected)));
        }
    }

    private static final int[] ALL = {0, 1, 2, 3, 4, 5};

    private static double[] doubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** Σ over pairs with a common view of (K_f − Σ_v w_v K_v / Σ_v w_v over their common views)². */
    private static double expected(double[][] x, double[] sigma2) {
        double[] w = {0.5, 0.3, 0.2};
        double sum = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double num = 0;
                double den = 0;
                for (int v = 0; v < 3; v++) {
                    if (MASK[v][i][0] == 1 && MASK[v][j][0] == 1) {
                        num += w[v] * Math.exp(-dist(x[v], i, j) / (2 * sigma2[v]));
                        den += w[v];
                    }
                }
                if (den > 0) {
                    sum += Math.pow(Math.exp(-dist(x[3], i, j) / (2 * sigma2[3])) - num / den, 2);
                }
            }
        }
        return sum;
    }

    private static double dist(double[] x, int i, int j) {
        double d = 0;
        for (int c = 0; c < 3; c++) {
            d += Math.pow(x[i * 3 + c] - x[j * 3 + c], 2);
        }
        return d;
    }

    /** σ² = 0.5 · the lower median of the squared distances among the given rows (pairs with themselves included). */
    private static double bandwidth(double[] x, int[] present) {
        List<Double> among = new ArrayList<>();
        for (int i : present) {
            for (int j : present) {
                among.add(dist(x, i, j));
            }
        }
        among.sort(null);
        return 0.5 * among.get((among.size() - 1) / 2);
    }
}
