package org.mvclust.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Min;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The CAN k-nearest-neighbour graph of the rows of x in sparse form, as in BMvC's code: with d_ij the squared
 * distances, the k nearest j ≠ i in ascending order and d_k the k-th of them, p_ij = (d_k − d_ij) / (k·d_k − Σ_j d_ij
 * + 1e-8) for those j (the k-th gets 0; a row sums to 1). The neighbours are chosen on a stopped-gradient copy (TopK has
 * no gradient); with {@code gradient} the weights are recomputed from x so that gradients flow through them.
 */
public final class CanGraph {
    /** index: samples × k neighbour rows, nearest first; weight: samples × k. */
    public record Neighbours(Operand<TInt32> index, Operand<TFloat32> weight) {
    }

    private CanGraph() {
    }

    public static Neighbours nearest(Ops tf, Operand<TFloat32> x, int k, boolean gradient) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        Operand<TFloat32> xs = tf.stopGradient(x);
        // −d_ij with −∞ on the diagonal so that a sample is never its own neighbour
        Operand<TFloat32> negD = tf.math.neg(Distances.squared(tf, xs, xs));
        Operand<TInt32> n = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        negD = tf.linalg.matrixSetDiag(negD, tf.fill(n, tf.constant(-1e30f)), tf.constant(0));
        var top = tf.nn.topK(negD, tf.constant(k), TInt32.class);
        Operand<TInt32> index = top.indices();
        Operand<TFloat32> d;
        if (gradient) {
            Operand<TFloat32> diff = tf.math.sub(tf.expandDims(x, tf.constant(1)), tf.gather(x, index, tf.constant(0)));
            d = tf.sum(tf.math.mul(diff, diff), tf.constant(2));
        } else {
            d = tf.nn.relu(tf.math.neg(tf.stopGradient(top.values())));
        }
        Operand<TFloat32> dk = tf.slice(d, tf.constant(new int[] {0, k - 1}), tf.constant(new int[] {-1, 1}));
        return new Neighbours(index, weights(tf, d, dk, tf.constant((float) k), null));
    }

    /**
     * (d_k − d_ij) / (count·d_k − Σ_j d_ij + 1e-8). Where rounding makes that denominator less than half of Σ_j (d_k −
     * d_ij)⁺ + 1e-8, which it equals in exact arithmetic, or a weight less than −0.01 (near-duplicate rows: many
     * neighbours at one distance), the row takes (d_k − d_ij)⁺ / (Σ_j (d_k − d_ij)⁺ + 1e-8) instead; other rows are
     * unchanged. Weights stay in [−0.01, 1].
     */
    private static Operand<TFloat32> weights(Ops tf, Operand<TFloat32> d, Operand<TFloat32> dk, Operand<TFloat32> count,
                                             Operand<TFloat32> valid) {
        Operand<TFloat32> eps = tf.constant(1e-8f);
        Operand<TFloat32> num = tf.math.sub(dk, d);
        Operand<TFloat32> plain = tf.math.add(tf.math.sub(tf.math.mul(count, dk), tf.sum(d, tf.constant(1), Sum.keepDims(true))), eps);
        Operand<TFloat32> pos = valid == null ? tf.nn.relu(num) : tf.math.mul(tf.nn.relu(num), valid); // entries past count: 0
        Operand<TFloat32> safe = tf.math.add(tf.sum(pos, tf.constant(1), Sum.keepDims(true)), eps);
        Operand<TBool> sound = tf.math.logicalAnd(tf.math.greater(plain, tf.math.mul(tf.constant(0.5f), safe)),
                tf.math.greaterEqual(tf.min(num, tf.constant(1), Min.keepDims(true)), tf.math.mul(tf.constant(-0.01f), plain)));
        Operand<TFloat32> s = tf.dtypes.cast(sound, TFloat32.class);
        // both branches finite (the plain one divides by 1 where it is not taken), blended by the 0/1 choice
        Operand<TFloat32> byPlain = tf.math.div(num, tf.math.add(tf.math.mul(s, plain), tf.math.sub(tf.constant(1f), s)));
        Operand<TFloat32> bySafe = tf.math.div(pos, safe);
        return tf.math.add(tf.math.mul(s, byPlain), tf.math.mul(tf.math.sub(tf.constant(1f), s), bySafe));
    }

    /**
     * {@link #nearest} over the rows present in a view ({@code mask}, [samples, 1], 1 = present), as on those rows alone:
     * an absent row is nobody's neighbour and has none itself (index its own row, weight 0). A present row with fewer
     * than k other present rows in the batch takes k' = (present − 1) of them, the k'-th with weight 0; the remaining
     * entries point at its own row with weight 0.
     */
    public static Neighbours nearest(Ops tf, Operand<TFloat32> x, int k, boolean gradient, Operand<TFloat32> mask) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        Operand<TFloat32> xs = tf.stopGradient(x);
        Operand<TFloat32> far = tf.constant(-1e30f);
        Operand<TFloat32> one = tf.constant(1f);
        Operand<TFloat32> column = tf.reshape(mask, tf.constant(new int[] {1, -1}));
        // −d_ij, with −∞ on the diagonal and in the columns of absent rows
        Operand<TFloat32> negD = tf.math.add(tf.math.mul(tf.math.neg(Distances.squared(tf, xs, xs)), column),
                tf.math.mul(tf.math.sub(one, column), far));
        Operand<TInt32> n = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        negD = tf.linalg.matrixSetDiag(negD, tf.fill(n, far), tf.constant(0));
        var top = tf.nn.topK(negD, tf.constant(k), TInt32.class);
        Operand<TFloat32> others = tf.math.maximum(tf.math.sub(tf.sum(mask, tf.constant(new int[] {0, 1})), one), tf.constant(0f));
        Operand<TFloat32> kept = tf.math.mul(mask, tf.math.minimum(tf.constant((float) k), others));
        Operand<TFloat32> rank = tf.reshape(tf.dtypes.cast(tf.range(tf.constant(0), tf.constant(k), tf.constant(1)), TFloat32.class),
                tf.constant(new int[] {1, k}));
        Operand<TFloat32> valid = tf.dtypes.cast(tf.math.less(rank, kept), TFloat32.class);
        Operand<TFloat32> last = tf.dtypes.cast(tf.math.equal(rank, tf.math.sub(kept, one)), TFloat32.class);
        Operand<TInt32> own = rows(tf, top.indices());
        Operand<TInt32> validInt = tf.dtypes.cast(valid, TInt32.class);
        Operand<TInt32> index = tf.math.add(tf.math.mul(top.indices(), validInt),
                tf.math.mul(own, tf.math.sub(tf.constant(1), validInt)));
        Operand<TFloat32> d;
        if (gradient) {
            Operand<TFloat32> diff = tf.math.sub(tf.expandDims(x, tf.constant(1)), tf.gather(x, index, tf.constant(0)));
            d = tf.math.mul(tf.sum(tf.math.mul(diff, diff), tf.constant(2)), valid);
        } else {
            d = tf.math.mul(tf.nn.relu(tf.math.neg(tf.stopGradient(top.values()))), valid);
        }
        Operand<TFloat32> dk = tf.sum(tf.math.mul(d, last), tf.constant(1), Sum.keepDims(true));
        return new Neighbours(index, tf.math.mul(weights(tf, d, dk, kept, valid), valid));
    }

    /** The row index of every entry of a samples × k index matrix. */
    public static Operand<TInt32> rows(Ops tf, Operand<TInt32> index) {
        Operand<TInt32> shape = tf.shape(index);
        Operand<TInt32> n = tf.reshape(tf.slice(shape, tf.constant(new int[] {0}), tf.constant(new int[] {1})), tf.constant(new int[0]));
        Operand<TInt32> r = tf.expandDims(tf.range(tf.constant(0), n, tf.constant(1)), tf.constant(1));
        return tf.math.add(r, tf.math.mul(index, tf.constant(0)));
    }

    /** The n × n 0/1 matrix with ones at (i, index_ij): the neighbour lists of a samples × k index matrix, densified. */
    public static Operand<TFloat32> indicator(Ops tf, Operand<TInt32> index) {
        Operand<TInt32> n = tf.reshape(tf.slice(tf.shape(index), tf.constant(new int[] {0}), tf.constant(new int[] {1})),
                tf.constant(new int[0]));
        Operand<TFloat32> hot = tf.oneHot(index, n, tf.constant(1f), tf.constant(0f));
        return tf.math.minimum(tf.sum(hot, tf.constant(1)), tf.constant(1f));
    }
}
