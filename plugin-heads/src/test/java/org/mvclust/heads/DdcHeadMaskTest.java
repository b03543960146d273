package org.mvclust.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The DDC head with a presence mask: its batch norm sees the present samples alone. */
class DdcHeadMaskTest {
    private static final float[][] MASK = {{1}, {0}, {1}, {1}, {0}, {1}, {1}};
    private static final int[] PRESENT = {0, 2, 3, 5, 6};
    private static final List<String> WEIGHTS = List.of("hidden.w", "hidden.b", "out.w", "out.b");

    private static void close(float[] a, float[] b, float tol) {
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("entry " + i).isCloseTo(b[i], within(tol));
        }
    }

    @Test
    void aBatchWithAbsentSamplesEqualsThePresentSamplesAlone() {
        try (BlockHarness h = new BlockHarness(3, 7, 4)) {
            Ops tf = h.tf();
            Operand<TFloat32> x = h.randomInput(7, 4);
            Operand<TFloat32> out = h.build(new DdcHead(), Map.of("x", x, "mask", h.input(MASK)), Map.of(), Map.of("hidden", 6)).get("out");
            List<Operand<TFloat32>> mine = WEIGHTS.stream().map(n -> h.variable("ddc." + n)).toList();
            Operand<TFloat32> mean = h.variable("ddc.bn.moving_mean");
            Operand<TFloat32> var = h.variable("ddc.bn.moving_var");
            Operand<TFloat32> rows = tf.gather(x, tf.constant(PRESENT), tf.constant(0));
            Operand<TFloat32> alone = h.build(new DdcHead(), Map.of("x", rows), Map.of(), Map.of("hidden", 6)).get("out");
            List<Operand<TFloat32>> theirs = WEIGHTS.stream().map(n -> h.variable("ddc." + n)).toList();
            for (int i = 0; i < WEIGHTS.size(); i++) {
                h.set(theirs.get(i), h.eval(mine.get(i)));
            }
            h.training(true);
            Operand<TFloat32> w = h.randomInput(PRESENT.length, 3);
            Operand<TFloat32> masked = tf.sum(tf.math.mul(tf.gather(out, tf.constant(PRESENT), tf.constant(0)), w), tf.constant(new int[] {0, 1}));
            Operand<TFloat32> plain = tf.sum(tf.math.mul(alone, w), tf.constant(new int[] {0, 1}));
            assertThat(h.scalar(masked)).isCloseTo(h.scalar(plain), within(1e-5)).isNotZero();
            close(h.eval(tf.gradients(masked, List.of(x)).<TFloat32>dy(0)), h.eval(tf.gradients(plain, List.of(x)).<TFloat32>dy(0)), 1e-5f);
            for (int i = 0; i < WEIGHTS.size(); i++) {
                close(h.eval(tf.gradients(masked, List.of(mine.get(i))).<TFloat32>dy(0)),
                        h.eval(tf.gradients(plain, List.of(theirs.get(i))).<TFloat32>dy(0)), 1e-5f);
            }
            assertThat(h.gradientError(masked, x, 1e-2)).isLessThan(2e-3);
            h.runUpdates();
            close(h.eval(mean), h.eval(h.variable("ddc.bn.moving_mean")), 1e-6f);
            close(h.eval(var), h.eval(h.variable("ddc.bn.moving_var")), 1e-6f);
            assertThat(h.eval(mean)).isNotEqualTo(new float[6]);
        }
    }

    @Test
    void aBatchWithoutPresentSamplesLeavesTheMovingAverages() {
        try (BlockHarness h = new BlockHarness(2, 3, 5)) {
            Operand<TFloat32> x = h.randomInput(3, 4);
            Operand<TFloat32> out = h.build(new DdcHead(), Map.of("x", x, "mask", h.input(new float[3][1])), Map.of(), Map.of("hidden", 5))
                    .get("out");
            h.training(true);
            for (float v : h.eval(out)) {
                assertThat(Float.isFinite(v)).isTrue();
            }
            h.runUpdates();
            assertThat(h.eval(h.variable("ddc.bn.moving_mean"))).containsOnly(0f);
            assertThat(h.eval(h.variable("ddc.bn.moving_var"))).containsOnly(1f);
        }
    }
}
