package org.mvclust.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Samples × samples matrices of a batch whose size is known only at run time. */
public final class Matrices {
    private Matrices() {
    }

    /** The identity of size rows(x) × rows(x); built without ops that lack gradients. */
    public static Operand<TFloat32> eye(Ops tf, Operand<TFloat32> x) {
        Operand<TInt32> n = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TInt32> i = tf.range(tf.constant(0), tf.reshape(n, tf.constant(new int[0])), tf.constant(1));
        Operand<TInt32> col = tf.expandDims(i, tf.constant(1));
        Operand<TInt32> row = tf.expandDims(i, tf.constant(0));
        return tf.dtypes.cast(tf.math.equal(col, row), TFloat32.class);
    }
}
