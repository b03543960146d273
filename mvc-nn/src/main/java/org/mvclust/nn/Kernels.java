package org.mvclust.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Gaussian kernels with the median bandwidth rule and the Cauchy-Schwarz divergence of DDC. */
public final class Kernels {
    public static final float EPSILON = 1e-9f;

    private Kernels() {
    }

    /** The lower median of all entries (torch.median's convention), with no gradient. */
    public static Operand<TFloat32> median(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> flat = tf.reshape(tf.stopGradient(x), tf.constant(new int[] {-1}));
        Operand<TInt32> m = tf.size(flat, TInt32.class);
        Operand<TFloat32> descending = tf.nn.topK(flat, m, new org.tensorflow.op.nn.TopK.Options[0]).values();
        Operand<TInt32> at = tf.math.sub(tf.math.sub(m, tf.constant(1)), tf.math.floorDiv(tf.math.sub(m, tf.constant(1)), tf.constant(2)));
        return tf.stopGradient(tf.gather(descending, at, tf.constant(0)));
    }

    /**
     * The lower median of the entries of x (all ≥ 0, as squared distances are) where {@code selected} is 1, with no
     * gradient: as {@link #median(Ops, Operand)} of those entries alone (0 when none is selected).
     */
    public static Operand<TFloat32> median(Ops tf, Operand<TFloat32> x, Operand<TFloat32> selected) {
        Operand<TFloat32> s = tf.reshape(tf.stopGradient(selected), tf.constant(new int[] {-1}));
        Operand<TFloat32> flat = tf.reshape(tf.stopGradient(x), tf.constant(new int[] {-1}));
        // unselected entries become −1, below every selected one, so the c selected come first in descending order
        Operand<TFloat32> shifted = tf.math.sub(tf.math.mul(tf.math.add(flat, tf.constant(1f)), s), tf.constant(1f));
        Operand<TInt32> m = tf.size(flat, TInt32.class);
        Operand<TFloat32> descending = tf.stopGradient(tf.nn.topK(shifted, m, new org.tensorflow.op.nn.TopK.Options[0]).values());
        Operand<TInt32> c = tf.math.maximum(tf.dtypes.cast(tf.sum(s, tf.constant(0)), TInt32.class), tf.constant(1));
        Operand<TInt32> at = tf.math.sub(tf.math.sub(c, tf.constant(1)), tf.math.floorDiv(tf.math.sub(c, tf.constant(1)), tf.constant(2)));
        return tf.stopGradient(tf.math.maximum(tf.gather(descending, at, tf.constant(0)), tf.constant(0f)));
    }

    /** σ² = max(relSigma · median(dist), 1e-9), with no gradient. */
    public static Operand<TFloat32> bandwidth(Ops tf, Operand<TFloat32> dist, double relSigma) {
        return tf.math.maximum(tf.math.mul(tf.constant((float) relSigma), median(tf, dist)), tf.constant(EPSILON));
    }

    /** exp(−dist / (2σ²)) for a given σ². */
    public static Operand<TFloat32> gaussian(Ops tf, Operand<TFloat32> dist, Operand<TFloat32> sigma2) {
        return tf.math.exp(tf.math.neg(tf.math.div(dist, tf.math.mul(tf.constant(2f), sigma2))));
    }

    /** The Gaussian kernel of the rows of x with σ² = relSigma · median of the squared distances (no gradient through σ²). */
    public static Operand<TFloat32> gaussian(Ops tf, Operand<TFloat32> x, double relSigma) {
        Operand<TFloat32> dist = Distances.squared(tf, x, x);
        return gaussian(tf, dist, bandwidth(tf, dist, relSigma));
    }

    /** The sum of the strictly upper triangular part of a k × k matrix. */
    public static Operand<TFloat32> triuSum(Ops tf, Operand<TFloat32> m, int k) {
        float[][] mask = new float[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                mask[i][j] = 1f;
            }
        }
        return tf.sum(tf.math.mul(m, tf.constant(mask)), tf.constant(new int[] {0, 1}));
    }

    /**
     * The Cauchy-Schwarz divergence of DDC: 2/(k(k−1)) Σ_{i<j} [AᵀKA]_ij / sqrt([AᵀKA]_ii [AᵀKA]_jj), with the
     * numerator clamped at 1e-9 and the denominator product at 1e-18; a is n × k, kernel n × n.
     */
    public static Operand<TFloat32> cauchySchwarz(Ops tf, Operand<TFloat32> a, Operand<TFloat32> kernel, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("the Cauchy-Schwarz divergence needs at least 2 clusters, got " + k);
        }
        Operand<TFloat32> nom = tf.linalg.matMul(tf.linalg.matMul(a, kernel, org.tensorflow.op.linalg.MatMul.transposeA(true)), a);
        Operand<TFloat32> diag = tf.sum(tf.math.mul(nom, tf.constant(identity(k))), tf.constant(1));
        Operand<TFloat32> col = tf.expandDims(diag, tf.constant(1));
        Operand<TFloat32> row = tf.expandDims(diag, tf.constant(0));
        Operand<TFloat32> dnom = tf.math.maximum(tf.math.mul(col, row), tf.constant(EPSILON * EPSILON));
        Operand<TFloat32> ratio = tf.math.div(tf.math.maximum(nom, tf.constant(EPSILON)), tf.math.sqrt(dnom));
        return tf.math.mul(tf.constant(2f / (k * (k - 1f))), triuSum(tf, ratio, k));
    }

    /** The k × k identity. */
    public static float[][] identity(int k) {
        float[][] eye = new float[k][k];
        for (int i = 0; i < k; i++) {
            eye[i][i] = 1f;
        }
        return eye;
    }

    /** The number of columns of a, or {@code fallback} when unknown at build time. */
    public static int width(Operand<TFloat32> a, int fallback) {
        long w = a.shape().numDimensions() == 2 ? a.shape().size(1) : -1;
        return w > 0 ? (int) w : fallback;
    }
}
