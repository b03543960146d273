package org.mvclust.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/** qr with a mask is the QR of the present rows alone; absent rows are zero and get no gradient. */
class QrHeadMaskTest {
    private static final float[][] MASK = {{0}, {1}, {1}, {0}, {1}, {1}, {0}, {1}};
    private static final int[] PRESENT = {1, 2, 4, 5, 7};

    @Test
    void maskedIsTheQrOfThePresentRowsAlone() {
        try (BlockHarness h = new BlockHarness(3, 8, 7)) {
            Ops tf = h.tf();
            Operand<TFloat32> x = h.randomInput(8, 3);
            Operand<TFloat32> m = h.input(MASK);
            Map<String, Object> params = Map.of("linear", false);
            Operand<TFloat32> q = h.build(new QrHead(), Map.of("x", x, "mask", m), Map.of(), params).get("out");
            var rows = tf.constant(PRESENT);
            Operand<TFloat32> alone = h.build(new QrHead(), Map.of("x", tf.gather(x, rows, tf.constant(0))), Map.of(), params).get("out");
            // columns of Q are defined up to sign: compare Q Qᵀ, which the loss of BMvC (cosines of rows) only sees
            Operand<TFloat32> w = h.randomInput(5, 5);
            Operand<TFloat32> pm = gram(tf, tf.gather(q, rows, tf.constant(0)));
            Operand<TFloat32> pa = gram(tf, alone);
            assertThat(h.eval(pm)).containsExactly(h.eval(pa), within(1e-5f));
            float[] values = h.eval(q);
            for (int i : new int[] {0, 3, 6}) {
                for (int j = 0; j < 3; j++) {
                    assertThat(values[i * 3 + j]).as("absent row " + i).isCloseTo(0f, within(0f));
                }
            }
            Operand<TFloat32> lm = dot(tf, pm, w);
            Operand<TFloat32> la = dot(tf, pa, w);
            float[] gm = h.eval(tf.gradients(lm, List.of(x)).<TFloat32>dy(0));
            float[] ga = h.eval(tf.gradients(la, List.of(x)).<TFloat32>dy(0));
            // both are gradients with respect to all 8 rows of x: the absent rows get none
            assertThat(gm).containsExactly(ga, within(1e-5f));
            for (int r : new int[] {0, 3, 6}) {
                assertThat(gm[r * 3]).isCloseTo(0f, within(0f));
            }
        }
    }

    @Test
    void gradientWithAMaskMatchesFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(2, 8, 8)) {
            Operand<TFloat32> x = h.randomInput(8, 4);
            Operand<TFloat32> q = h.build(new QrHead(), Map.of("x", x, "mask", h.input(MASK)), Map.of(), Map.of()).get("out");
            Operand<TFloat32> loss = dot(h.tf(), gram(h.tf(), q), h.randomInput(8, 8));
            assertThat(h.gradientError(loss, x, 1e-2)).isLessThan(2e-3);
            assertThat(h.gradientError(loss, h.trainables().get(0), 1e-2)).isLessThan(2e-3);
        }
    }

    private static Operand<TFloat32> gram(Ops tf, Operand<TFloat32> q) {
        return tf.linalg.matMul(q, q, MatMul.transposeB(true));
    }

    private static Operand<TFloat32> dot(Ops tf, Operand<TFloat32> y, Operand<TFloat32> w) {
        return tf.sum(tf.reshape(tf.math.mul(y, w), tf.constant(new long[] {-1})), tf.constant(0));
    }
}
