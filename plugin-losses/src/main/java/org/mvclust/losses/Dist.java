package org.mvclust.losses;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/** Small shared tensor helpers of the losses. */
final class Dist {
    private Dist() {
    }

    /** Squared Euclidean distances between the rows of x (n × d) and of u (m × d), n × m, clamped at 0. */
    static Operand<TFloat32> squared(Ops tf, Operand<TFloat32> x, Operand<TFloat32> u) {
        Operand<TFloat32> xx = tf.sum(tf.math.mul(x, x), tf.constant(1), Sum.keepDims(true));
        Operand<TFloat32> uu = tf.sum(tf.math.mul(u, u), tf.constant(1), Sum.keepDims(true));
        Operand<TFloat32> xu = tf.linalg.matMul(x, u, MatMul.transposeB(true));
        Operand<TFloat32> d = tf.math.add(tf.math.sub(xx, tf.math.mul(tf.constant(2f), xu)),
                tf.linalg.transpose(uu, tf.constant(new int[] {1, 0})));
        return tf.math.maximum(d, tf.constant(0f));
    }

    /** Sum of all elements, a scalar. */
    static Operand<TFloat32> total(Ops tf, Operand<TFloat32> x) {
        return tf.sum(tf.reshape(x, tf.constant(new long[] {-1})), tf.constant(0));
    }
}
