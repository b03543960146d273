package org.mvclust.heads;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;

/** Small helpers shared by the heads. */
final class Probabilities {
    private Probabilities() {
    }

    /** Divides each row by its sum. */
    static Operand<TFloat32> normaliseRows(Ops tf, Operand<TFloat32> w) {
        return tf.math.div(w, tf.sum(w, tf.constant(1), Sum.keepDims(true)));
    }

    /** The width of a samples × features tensor, which must be known when the graph is built. */
    static long width(Operand<TFloat32> x, String port) {
        if (x.shape().numDimensions() != 2 || x.shape().size(1) < 0) {
            throw new IllegalArgumentException(port + ": expected samples × features with known width, got " + x.shape());
        }
        return x.shape().size(1);
    }
}
