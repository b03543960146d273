package org.mvclust.fusion;

import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Test helpers for the fusion tests: a column input, and a scalar probe Σ y·w. */
final class FusionProbes {
    private FusionProbes() {
    }

    static Operand<TFloat32> column(BlockHarness h, float... values) {
        float[][] rows = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new float[] {values[i]};
        }
        return h.input(rows);
    }

    static Operand<TFloat32> dot(Ops tf, Operand<TFloat32> y, Operand<TFloat32> w) {
        return tf.sum(tf.reshape(tf.math.mul(y, w), tf.constant(new long[] {-1})), tf.constant(0));
    }
}
