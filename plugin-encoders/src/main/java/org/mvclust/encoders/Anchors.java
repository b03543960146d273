package org.mvclust.encoders;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Shared anchor-graph math (no graph ops are created unless called). */
public final class Anchors {
    private Anchors() {
    }

    /** The default number of anchors, floor(sqrt(samples · clusters)) (Nie, Wang and Li 2019), at most samples. */
    public static int defaultCount(int samples, int clusters) {
        return (int) Math.min(samples, Math.floor(Math.sqrt((double) samples * clusters)));
    }

    /** Squared Euclidean distances between the rows of x (n × d) and of u (m × d), n × m, clamped at 0. */
    public static Operand<TFloat32> squaredDistances(Ops tf, Operand<TFloat32> x, Operand<TFloat32> u) {
        Operand<TFloat32> xx = tf.sum(tf.math.mul(x, x), tf.constant(1), org.tensorflow.op.core.Sum.keepDims(true));
        Operand<TFloat32> uu = tf.sum(tf.math.mul(u, u), tf.constant(1), org.tensorflow.op.core.Sum.keepDims(true));
        Operand<TFloat32> xu = tf.linalg.matMul(x, u, org.tensorflow.op.linalg.MatMul.transposeB(true));
        Operand<TFloat32> d = tf.math.add(tf.math.sub(xx, tf.math.mul(tf.constant(2f), xu)), tf.linalg.transpose(uu, tf.constant(new int[] {1, 0})));
        return tf.math.maximum(d, tf.constant(0f));
    }

    /** 1 / max(column sums of s, tiny): the inverse anchor degrees D_S^-1 as an m × 1 column. */
    public static Operand<TFloat32> inverseDegrees(Ops tf, Operand<TFloat32> s) {
        Operand<TFloat32> deg = tf.sum(s, tf.constant(0));
        Operand<TFloat32> inv = tf.math.div(tf.constant(1f), tf.math.maximum(deg, tf.constant(1e-12f)));
        return tf.reshape(inv, tf.constant(new long[] {-1, 1}));
    }
}
