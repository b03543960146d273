package org.mvclust.losses;

import static org.mvclust.losses.MaskRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
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

/** MSDIB's terms with presence masks: each equals the unmasked term on the samples having its view(s). */
class MsdibMaskTest {
    private static final float[][][] MASK = {
        {{1}, {0}, {1}, {1}, {1}, {0}, {1}},
        {{1}, {1}, {0}, {1}, {1}, {1}, {0}},
        {{0}, {1}, {1}, {1}, {0}, {1}, {1}},
    };

    private static Operand<TFloat32> take(Ops tf, Operand<TFloat32> x, int[] rows) {
        return tf.gather(x, tf.constant(rows), tf.constant(0));
    }

    private static Operand<TFloat32> loss(BlockHarness h, Loss loss, Map<String, Operand<TFloat32>> one,
                                          Map<String, List<Operand<TFloat32>>> many, Map<String, Object> params) {
        return h.build(loss, one, many, params).get("loss");
    }

    private static float[] grad(BlockHarness h, Operand<TFloat32> loss, Operand<TFloat32> x) {
        return h.eval(h.tf().gradients(loss, List.of(x)).<TFloat32>dy(0));
    }

    private static void sameValueAndGradients(BlockHarness h, Operand<TFloat32> masked, Operand<TFloat32> alone,
                                              List<Operand<TFloat32>> wrt) {
        assertThat(h.scalar(masked)).isCloseTo(h.scalar(alone), within(1e-5)).isNotZero();
        for (Operand<TFloat32> x : wrt) {
            float[] gm = grad(h, masked, x);
            float[] ga = grad(h, alone, x);
            for (int i = 0; i < gm.length; i++) {
                assertThat(gm[i]).isCloseTo(ga[i], within(1e-5f));
            }
        }
    }

    @Test
    void analyticKlAveragesOverTheSamplesHavingTheView() {
        try (BlockHarness h = new BlockHarness(2, 7, 1)) {
            Ops tf = h.tf();
            Operand<TFloat32> mu = h.randomInput(7, 3);
            Operand<TFloat32> sigma = tf.math.exp(h.randomInput(7, 3));
            int[] present = rows(MASK[0]);
            for (String reduction : List.of("sum", "mean")) {
                Map<String, Object> p = Map.of("form", "analytic", "reduction", reduction);
                Operand<TFloat32> masked = loss(h, new GaussianKlLoss(), Map.of("mu", mu, "sigma", sigma, "mask", h.input(MASK[0])), Map.of(), p);
                Operand<TFloat32> alone = loss(h, new GaussianKlLoss(), Map.of("mu", take(tf, mu, present), "sigma", take(tf, sigma, present)),
                        Map.of(), p);
                sameValueAndGradients(h, masked, alone, List.of(mu, sigma));
                assertThat(h.gradientError(masked, mu, 1e-2)).isLessThan(2e-3);
            }
        }
    }

    /** sampled_softmax in a fresh harness (the prior is drawn from the block's scope name: the same in each). */
    private static float[][] sampledKl(float[][] mask) {
        try (BlockHarness h = new BlockHarness(2, 7, 2)) {
            Operand<TFloat32> mu = h.randomInput(7, 5);
            Operand<TFloat32> sigma = h.randomInput(7, 5);
            Operand<TFloat32> z = h.randomInput(7, 5);
            Map<String, Operand<TFloat32>> in = mask == null ? Map.of("mu", mu, "sigma", sigma, "sample", z)
                    : Map.of("mu", mu, "sigma", sigma, "sample", z, "mask", h.input(mask));
            Operand<TFloat32> kl = loss(h, new GaussianKlLoss(), in, Map.of(), Map.of("form", "sampled_softmax"));
            return new float[][] {{(float) h.scalar(kl)}, grad(h, kl, z)};
        }
    }

    /**
     * The prior draw has the batch's shape, so the present samples alone would draw other values: instead, with the same
     * draw, each present row's gradient is the unmasked one scaled by batch / present, absent rows get none, and the
     * value does not depend on what absent rows hold.
     */
    @Test
    void sampledSoftmaxKlAveragesOverTheSamplesHavingTheView() {
        float[][] plain = sampledKl(null);
        float[][] masked = sampledKl(MASK[1]);
        float[][] full = sampledKl(new float[][] {{1}, {1}, {1}, {1}, {1}, {1}, {1}});
        assertThat(full[0][0]).isCloseTo(plain[0][0], within(1e-6f));
        int present = rows(MASK[1]).length;
        for (int i = 0; i < 7; i++) {
            for (int c = 0; c < 5; c++) {
                float expected = MASK[1][i][0] == 1 ? plain[1][i * 5 + c] * 7f / present : 0f;
                assertThat(masked[1][i * 5 + c]).isCloseTo(expected, within(1e-6f));
            }
        }
        try (BlockHarness h = new BlockHarness(2, 7, 2)) {
            Operand<TFloat32> mu = h.randomInput(7, 5);
            Operand<TFloat32> sigma = h.randomInput(7, 5);
            Operand<TFloat32> z = h.randomInput(7, 5);
            Operand<TFloat32> kl = loss(h, new GaussianKlLoss(), Map.of("mu", mu, "sigma", sigma, "sample", z, "mask", h.input(MASK[1])),
                    Map.of(), Map.of("form", "sampled_softmax"));
            double before = h.scalar(kl);
            assertThat(before).isCloseTo(masked[0][0], within(1e-7)).isGreaterThan(1e-3).isNotCloseTo(plain[0][0], within(1e-4));
            float[] x = h.eval(z);
            for (int c = 0; c < 5; c++) {
                x[2 * 5 + c] = 10f * c - 3;
                x[6 * 5 + c] = -7f * c;
            }
            h.set(z, x);
            assertThat(h.scalar(kl)).isCloseTo(before, within(1e-7));
            assertThat(h.gradientError(kl, z, 1e-2)).isLessThan(2e-3);
        }
    }

    @Test
    void jointMiRunsOverTheSamplesHavingTheView() {
        try (BlockHarness h = new BlockHarness(2, 7, 3)) {
            Ops tf = h.tf();
            Operand<TFloat32> a = h.randomInput(7, 4);
            Operand<TFloat32> b = h.randomInput(7, 4);
            int[] present = rows(MASK[2]);
            for (Map<String, Object> p : List.<Map<String, Object>>of(Map.of("transform", "softmax"),
                    Map.of("transform", "softmax", "detach_b", true, "symmetrise", false))) {
                Operand<TFloat32> masked = loss(h, new JointMiLoss(), Map.of("a", a, "b", b, "mask", h.input(MASK[2])), Map.of(), p);
                Operand<TFloat32> alone = loss(h, new JointMiLoss(), Map.of("a", take(tf, a, present), "b", take(tf, b, present)), Map.of(), p);
                sameValueAndGradients(h, masked, alone, p.containsKey("detach_b") ? List.of(a) : List.of(a, b));
                assertThat(h.gradientError(masked, a, 1e-2)).isLessThan(2e-3);
            }
        }
    }

    @Test
    void jointMiPairsRunEachPairOverTheSamplesHavingBoth() {
        try (BlockHarness h = new BlockHarness(2, 7, 4)) {
            Ops tf = h.tf();
            List<Operand<TFloat32>> v = List.of(h.randomInput(7, 4), h.randomInput(7, 4), h.randomInput(7, 4));
            List<Operand<TFloat32>> m = List.of(h.input(MASK[0]), h.input(MASK[1]), h.input(MASK[2]));
            Map<String, Object> p = Map.of("transform", "softmax");
            Operand<TFloat32> masked = loss(h, new JointMiPairsLoss(), Map.of(), Map.of("views", v, "mask", m), p);
            List<Operand<TFloat32>> pairs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                for (int j = i + 1; j < 3; j++) {
                    int[] both = rows(MASK[i], MASK[j]);
                    pairs.add(loss(h, new JointMiLoss(), Map.of("a", take(tf, v.get(i), both), "b", take(tf, v.get(j), both)), Map.of(), p));
                }
            }
            sameValueAndGradients(h, masked, tf.math.addN(pairs), v);
            assertThat(h.gradientError(masked, v.get(1), 1e-2)).isLessThan(2e-3);
        }
    }

    /** A pair (or a view) that no sample of the batch has adds exactly nothing, with no gradient; a full mask is no mask. */
    @Test
    void aPairNoSampleHasAddsNothing() {
        float[][] none = new float[7][1];
        float[][] all = {{1}, {1}, {1}, {1}, {1}, {1}, {1}};
        try (BlockHarness h = new BlockHarness(2, 7, 5)) {
            Ops tf = h.tf();
            Operand<TFloat32> a = h.randomInput(7, 3);
            Operand<TFloat32> b = h.randomInput(7, 3);
            Map<String, Object> p = Map.of("transform", "softmax");
            Operand<TFloat32> pairs = loss(h, new JointMiPairsLoss(), Map.of(), Map.of("views", List.of(a, b), "mask",
                    List.of(h.input(MASK[0]), h.input(none))), p);
            Operand<TFloat32> one = loss(h, new JointMiLoss(), Map.of("a", a, "b", b, "mask", h.input(none)), Map.of(), p);
            Operand<TFloat32> full = loss(h, new JointMiLoss(), Map.of("a", a, "b", b, "mask", h.input(all)), Map.of(), p);
            Operand<TFloat32> plain = loss(h, new JointMiLoss(), Map.of("a", a, "b", b), Map.of(), p);
            assertThat(h.scalar(pairs)).isEqualTo(0.0);
            assertThat(h.scalar(one)).isEqualTo(0.0);
            assertThat(grad(h, pairs, a)).containsOnly(0f);
            assertThat(grad(h, one, b)).containsOnly(0f);
            assertThat(h.scalar(full)).isCloseTo(h.scalar(plain), within(1e-7)).isGreaterThan(1e-4);
        }
    }

    @Test
    void pseudoLabelCrossEntropyAveragesOverTheSamplesHavingTheView() {
        try (BlockHarness h = new BlockHarness(3, 7, 6)) {
            Ops tf = h.tf();
            Operand<TFloat32> p = tf.nn.softmax(h.randomInput(7, 3));
            Operand<TFloat32> t = tf.nn.softmax(h.randomInput(7, 3));
            int[] present = rows(MASK[0]);
            Operand<TFloat32> masked = loss(h, new PseudoLabelCeLoss(), Map.of("p", p, "target", t, "mask", h.input(MASK[0])), Map.of(), Map.of());
            Operand<TFloat32> alone = loss(h, new PseudoLabelCeLoss(), Map.of("p", take(tf, p, present), "target", take(tf, t, present)),
                    Map.of(), Map.of());
            sameValueAndGradients(h, masked, alone, List.of(p));
        }
    }
}
