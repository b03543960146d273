package org.mvclust.graphs;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Anchor counts and degrees shared by the anchor blocks. */
final class Anchors {
    private Anchors() {
    }

    /** The default number of anchors, floor(sqrt(samples · clusters)) (Nie, Wang and Li 2019), at most samples. */
    static int defaultCount(int samples, int clusters) {
        return (int) Math.min(samples, Math.floor(Math.sqrt((double) samples * clusters)));
    }

    /** 1 / max(column sums of s, tiny): the inverse anchor degrees D_S^-1 as an m × 1 column. */
    static Operand<TFloat32> inverseDegrees(Ops tf, Operand<TFloat32> s) {
        Operand<TFloat32> deg = tf.sum(s, tf.constant(0));
        Operand<TFloat32> inv = tf.math.div(tf.constant(1f), tf.math.maximum(deg, tf.constant(1e-12f)));
        return tf.reshape(inv, tf.constant(new long[] {-1, 1}));
    }
}
