package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Loss;
import org.mvclust.nn.Distances;
import org.mvclust.nn.Kernels;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class DdcLossTest {
    private static final float[][] A = {{1, 0}, {0, 1}, {0.5f, 0.5f}, {0.8f, 0.2f}};

    @Test
    void cauchySchwarzByHand() {
        float[][] k = {{1, 0.5f, 0.2f, 0.9f}, {0.5f, 1, 0.3f, 0.1f}, {0.2f, 0.3f, 1, 0.4f}, {0.9f, 0.1f, 0.4f, 1}};
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> d = Kernels.cauchySchwarz(h.tf(), ref(h, h.input(A)), ref(h, h.input(k)), 2);
            // AᵀKA = [[3.85, 1.62], [1.62, 1.71]]; d = 1.62 / sqrt(3.85 · 1.71)
            assertThat(h.scalar(d)).isCloseTo(1.62 / Math.sqrt(3.85 * 1.71), within(1e-5));
        }
    }

    @Test
    void cauchySchwarzBetweenZeroAndOne() {
        try (BlockHarness h = new BlockHarness(4, 12, 2)) {
            Ops tf = h.tf();
            List<Operand<TFloat32>> values = new java.util.ArrayList<>();
            for (int trial = 0; trial < 5; trial++) {
                Operand<TFloat32> a = tf.nn.softmax(tf.math.mul(tf.constant(3f * trial), h.randomInput(12, 4)));
                Operand<TFloat32> kernel = Kernels.gaussian(tf, ref(h, h.randomInput(12, 3)), 0.15);
                values.add(Kernels.cauchySchwarz(tf, a, kernel, 4));
            }
            // identical assignment columns give the maximum, 1
            Operand<TFloat32> same = tf.constant(new float[][] {{0.5f, 0.5f}, {0.3f, 0.3f}, {0.2f, 0.2f}});
            Operand<TFloat32> kernel = Kernels.gaussian(tf, ref(h, h.randomInput(3, 2)), 0.15);
            Operand<TFloat32> one = Kernels.cauchySchwarz(tf, same, kernel, 2);
            for (Operand<TFloat32> d : values) {
                assertThat(h.scalar(d)).isBetween(0.0, 1.0);
            }
            assertThat(h.scalar(one)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void bandwidthIsRelSigmaTimesLowerMedianOfSquaredDistances() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            // squared distances of 0, 1, 3, 6 sorted: 0 0 0 0 1 1 4 4 | 9 9 9 9 25 25 36 36 -> lower median 4
            Operand<TFloat32> x = ref(h, h.input(new float[][] {{0}, {1}, {3}, {6}}));
            Operand<TFloat32> y = ref(h, h.input(new float[][] {{0}, {1}, {3}}));
            float[] k = h.eval(Kernels.gaussian(h.tf(), x, 0.15));
            double s2 = 0.15 * 4;
            assertThat(k[1]).isCloseTo((float) Math.exp(-1 / (2 * s2)), within(1e-6f));
            assertThat(k[2]).isCloseTo((float) Math.exp(-9 / (2 * s2)), within(1e-6f));
            assertThat(k[4 + 3]).isCloseTo((float) Math.exp(-25 / (2 * s2)), within(1e-6f));
            assertThat(k[0]).isEqualTo(1f);
            // odd count: 0, 1, 3 -> 0 0 0 1 1 4 4 9 9 -> median 1
            assertThat(h.scalar(Kernels.bandwidth(h.tf(), Distances.squared(h.tf(), y, y), 0.15))).isCloseTo(0.15, within(1e-7));
        }
    }

    @Test
    void ddc2ByHandBothForms() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> a = ref(h, h.input(A));
            // AᵀA off-diagonal: 0 + 0 + 0.25 + 0.16 = 0.41, times 2/(2·1)
            assertThat(h.scalar(loss(h, new Ddc2Loss(), a, null, Map.of("flipped", true)))).isCloseTo(0.41, within(1e-6));
            // AAᵀ strictly upper: 0 + .5 + .8 + .5 + .2 + .5 = 2.5, times 2/(4·3)
            assertThat(h.scalar(loss(h, new Ddc2Loss(), a, null, Map.of()))).isCloseTo(2.5 / 6, within(1e-6));
        }
    }

    @Test
    void ddc3IsLowestForOneHotRows() {
        try (BlockHarness h = new BlockHarness(2, 6, 3)) {
            Operand<TFloat32> hidden = ref(h, h.input(new float[][] {{0, 0}, {0.1f, 0}, {0, 0.2f}, {5, 5}, {5.1f, 5}, {5, 4.9f}}));
            float[][] hard = {{1, 0}, {1, 0}, {1, 0}, {0, 1}, {0, 1}, {0, 1}};
            Operand<TFloat32> a = h.input(hard);
            Operand<TFloat32> l3 = loss(h, new Ddc3Loss(), ref(h, a), hidden, Map.of());
            double best = h.scalar(l3);
            for (float t : new float[] {0.05f, 0.2f, 0.5f, 0.9f}) {
                float[] soft = new float[12];
                for (int i = 0; i < 6; i++) {
                    soft[2 * i] = (1 - t) * hard[i][0] + t / 2;
                    soft[2 * i + 1] = (1 - t) * hard[i][1] + t / 2;
                }
                h.set(a, soft);
                assertThat(h.scalar(l3)).isGreaterThan(best);
            }
            Random rng = new Random(9);
            for (int trial = 0; trial < 5; trial++) {
                float[] soft = new float[12];
                for (int i = 0; i < 6; i++) {
                    soft[2 * i] = rng.nextFloat();
                    soft[2 * i + 1] = 1 - soft[2 * i];
                }
                h.set(a, soft);
                assertThat(h.scalar(l3)).isGreaterThan(best);
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesInA() {
        try (BlockHarness h = new BlockHarness(3, 8, 4)) {
            Ops tf = h.tf();
            Operand<TFloat32> logits = h.randomInput(8, 3);
            Operand<TFloat32> a = tf.nn.softmax(logits);
            Operand<TFloat32> hidden = ref(h, h.randomInput(8, 5));
            for (Loss l : List.of(new Ddc1Loss(), new Ddc3Loss())) {
                assertThat(h.gradientError(loss(h, l, a, hidden, Map.of()), logits, 1e-2)).as(l.name()).isLessThan(2e-3);
            }
            assertThat(h.gradientError(loss(h, new Ddc2Loss(), a, null, Map.of()), logits, 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(loss(h, new Ddc2Loss(), a, null, Map.of("flipped", true)), logits, 1e-2)).isLessThan(2e-3);
        }
    }

    @Test
    void gradientsInHiddenTreatBandwidthAsConstant() {
        try (BlockHarness h = new BlockHarness(3, 8, 6)) {
            Ops tf = h.tf();
            Operand<TFloat32> a = tf.nn.softmax(h.randomInput(8, 3));
            Operand<TFloat32> hiddenVar = h.randomInput(8, 5);
            Operand<TFloat32> hidden = ref(h, hiddenVar);
            Operand<TFloat32> dist = Distances.squared(tf, hidden, hidden);
            float s2 = (float) h.scalar(Kernels.bandwidth(tf, dist, 0.15));
            Operand<TFloat32> fixedKernel = Kernels.gaussian(tf, dist, tf.constant(s2));
            Operand<TFloat32> fixed1 = Kernels.cauchySchwarz(tf, a, fixedKernel, 3);
            Operand<TFloat32> m = tf.math.exp(tf.math.neg(Distances.squared(tf, a, tf.constant(Kernels.identity(3)))));
            Operand<TFloat32> fixed3 = Kernels.cauchySchwarz(tf, m, fixedKernel, 3);
            assertThat(h.gradientError(fixed1, hiddenVar, 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(fixed3, hiddenVar, 1e-2)).isLessThan(2e-3);
            // the losses' own gradients equal those of the fixed-σ² versions: no gradient flows through σ²
            float[] g1 = h.eval(tf.gradients(loss(h, new Ddc1Loss(), a, hidden, Map.of()), List.of(hidden)).dy(0));
            float[] f1 = h.eval(tf.gradients(fixed1, List.of(hidden)).dy(0));
            float[] g3 = h.eval(tf.gradients(loss(h, new Ddc3Loss(), a, hidden, Map.of()), List.of(hidden)).dy(0));
            float[] f3 = h.eval(tf.gradients(fixed3, List.of(hidden)).dy(0));
            for (int i = 0; i < g1.length; i++) {
                assertThat(g1[i]).isCloseTo(f1[i], within(1e-5f));
                assertThat(g3[i]).isCloseTo(f3[i], within(1e-5f));
            }
        }
    }

    /** Variables are reference-typed; some C++ gradients (Square's) crash on a reference input, so read them first. */
    static Operand<TFloat32> ref(BlockHarness h, Operand<TFloat32> var) {
        return h.tf().identity(var);
    }

    static Operand<TFloat32> loss(BlockHarness h, Loss l, Operand<TFloat32> a, Operand<TFloat32> hidden, Map<String, Object> params) {
        Map<String, Operand<TFloat32>> in = hidden == null ? Map.of("a", a) : Map.of("a", a, "hidden", hidden);
        return h.build(l, in, Map.of(), params).get("loss");
    }
}
