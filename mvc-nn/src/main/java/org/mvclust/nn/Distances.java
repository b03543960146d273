package org.mvclust.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Squared Euclidean distances between rows, the one form every block uses. */
public final class Distances {
    private Distances() {
    }

    /**
     * ‖x_i − u_j‖² for the rows of x (n × d) and of u (m × d), n × m, as |x_i|² − 2 x_i·u_j + |u_j|² clamped at 0 by a
     * ReLU (so an exact zero, such as the diagonal of x against itself, passes no gradient).
     */
    public static Operand<TFloat32> squared(Ops tf, Operand<TFloat32> x, Operand<TFloat32> u) {
        Operand<TInt32> cols = tf.constant(1);
        Operand<TFloat32> x2 = tf.sum(tf.math.square(x), cols, Sum.keepDims(true));
        Operand<TFloat32> u2 = tf.sum(tf.math.square(u), cols, Sum.keepDims(true));
        Operand<TFloat32> xu = tf.linalg.matMul(x, u, MatMul.transposeB(true));
        Operand<TFloat32> d = tf.math.add(tf.math.sub(x2, tf.math.mul(tf.constant(2f), xu)),
                tf.linalg.transpose(u2, tf.constant(new int[] {1, 0})));
        return tf.nn.relu(d);
    }
}
