package org.mvclust.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/** Sums and means the blocks share: totals, column statistics, cross-entropy. */
public final class Reductions {
    private Reductions() {
    }

    /** The sum of all elements, a scalar. */
    public static Operand<TFloat32> total(Ops tf, Operand<TFloat32> x) {
        return tf.sum(tf.reshape(x, tf.constant(new long[] {-1})), tf.constant(0));
    }

    /** x minus the mean of each column over the rows at hand. */
    public static Operand<TFloat32> centreColumns(Ops tf, Operand<TFloat32> x) {
        return tf.math.sub(x, tf.math.mean(x, tf.constant(0), Mean.keepDims(true)));
    }

    /** The (biased) variance of each column of an already centred x, 1 × columns. */
    public static Operand<TFloat32> columnVariance(Ops tf, Operand<TFloat32> centred) {
        return tf.math.mean(tf.math.mul(centred, centred), tf.constant(0), Mean.keepDims(true));
    }

    /** −(1/n) Σ_i Σ_j t_ij logp_ij: the batch mean of the cross-entropy of rows t against log-probabilities logp. */
    public static Operand<TFloat32> crossEntropy(Ops tf, Operand<TFloat32> t, Operand<TFloat32> logp) {
        return tf.math.neg(tf.math.mean(tf.sum(tf.math.mul(t, logp), tf.constant(1)), tf.constant(0)));
    }

    /** Each row scaled to unit l2 norm, x / max(|x|, eps) (a zero row stays zero). */
    public static Operand<TFloat32> l2NormalizeRows(Ops tf, Operand<TFloat32> x, float eps) {
        Operand<TFloat32> norm = tf.math.sqrt(tf.sum(tf.math.mul(x, x), tf.constant(1), org.tensorflow.op.core.Sum.keepDims(true)));
        return tf.math.div(x, tf.math.maximum(norm, tf.constant(eps)));
    }
}
