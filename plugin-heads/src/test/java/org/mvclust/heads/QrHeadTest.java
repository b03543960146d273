package org.mvclust.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class QrHeadTest {
    @Test
    void outputHasOrthonormalColumns() {
        try (BlockHarness h = new BlockHarness(4, 30, 1)) {
            Operand<TFloat32> x = h.randomInput(30, 8);
            Operand<TFloat32> c = h.build(new QrHead(), Map.of("x", x), Map.of(), Map.of()).get("out");
            float[] v = h.eval(c);
            assertThat(v).hasSize(30 * 4);
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    double dot = 0;
                    for (int i = 0; i < 30; i++) {
                        dot += v[i * 4 + a] * v[i * 4 + b];
                    }
                    assertThat(dot).isCloseTo(a == b ? 1 : 0, within(1e-5));
                }
            }
        }
    }

    @Test
    void qSpansTheLinearOutput() {
        try (BlockHarness h = new BlockHarness(3, 6, 2)) {
            Operand<TFloat32> x = h.randomInput(6, 3);
            Map<String, Operand<TFloat32>> out = h.build(new QrHead(), Map.of("x", x), Map.of(), Map.of("linear", false));
            Ops tf = h.tf();
            Operand<TFloat32> q = out.get("out");
            Operand<TFloat32> back = tf.linalg.matMul(q, tf.linalg.matMul(q, x, org.tensorflow.op.linalg.MatMul.transposeA(true)));
            float[] want = h.eval(x);
            float[] got = h.eval(back);
            for (int i = 0; i < want.length; i++) {
                assertThat(got[i]).isCloseTo(want[i], within(1e-4f));
            }
        }
    }

    @Test
    void gradientThroughQrMatchesFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(3, 7, 3)) {
            Operand<TFloat32> x = h.randomInput(7, 3);
            Operand<TFloat32> w = h.randomInput(7, 3);
            Map<String, Operand<TFloat32>> out = h.build(new QrHead(), Map.of("x", x), Map.of(), Map.of("linear", false));
            Ops tf = h.tf();
            Operand<TFloat32> q = out.get("out");
            // a loss that depends on Q and on sign-free functions of it
            Operand<TFloat32> loss = tf.math.add(sum(tf, tf.math.mul(q, w)),
                    sum(tf, tf.math.square(tf.linalg.matMul(q, q, org.tensorflow.op.linalg.MatMul.transposeB(true)))));
            assertThat(h.gradientError(loss, x, 1e-2)).isLessThan(2e-3);
        }
    }

    @Test
    void gradientThroughLinearMapAndQrMatchesFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(2, 9, 4)) {
            Operand<TFloat32> x = h.randomInput(9, 5);
            Operand<TFloat32> w = h.randomInput(9, 2);
            Operand<TFloat32> q = h.build(new QrHead(), Map.of("x", x), Map.of(), Map.of()).get("out");
            Operand<TFloat32> loss = sum(h.tf(), h.tf().math.mul(q, w));
            assertThat(h.gradientError(loss, x, 1e-2)).isLessThan(2e-3);
        }
    }

    private static Operand<TFloat32> sum(Ops tf, Operand<TFloat32> x) {
        return tf.sum(tf.reshape(x, tf.constant(new long[] {-1})), tf.constant(0));
    }
}
