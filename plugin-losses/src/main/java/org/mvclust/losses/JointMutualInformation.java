package org.mvclust.losses;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The batch joint-matrix mutual-information estimator (IIC style): rows of a and b (B × D, non-negative) are treated
 * as distributions over D symbols, P = Σ_n a_n ⊗ b_n (optionally symmetrised), normalised to sum 1, and
 * I = Σ P (log P − (1+λ) log p − (1+λ) log q) with the marginals p, q; P, p, q are clamped below at eps.
 * Returns +I (≥ 0 for λ = 0); λ > 0 gives COMPLETER's weighted variant.
 */
public final class JointMutualInformation {
    /** Double machine epsilon, the lineage's clamp. */
    public static final double EPS = 2.220446049250313e-16;

    private JointMutualInformation() {
    }

    /** Applies an input transform by name: none, or softmax over each row (for unbounded features). */
    public static Operand<TFloat32> transform(Ops tf, String name, Operand<TFloat32> x) {
        return switch (name) {
            case "none" -> x;
            case "softmax" -> tf.nn.softmax(x);
            default -> throw new IllegalArgumentException("transform must be none or softmax, not '" + name + "'");
        };
    }

    /** The D × D joint matrix P (normalised, before clamping). */
    public static Operand<TFloat32> joint(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b, boolean symmetrise) {
        Operand<TFloat32> p = unnormalised(tf, a, b, symmetrise);
        return tf.math.div(p, tf.sum(p, tf.constant(new int[] {0, 1})));
    }

    private static Operand<TFloat32> unnormalised(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b, boolean symmetrise) {
        if (a.shape().size(1) != b.shape().size(1)) {
            throw new IllegalArgumentException("joint MI needs equal widths, got " + a.shape() + " and " + b.shape());
        }
        Operand<TFloat32> p = tf.linalg.matMul(a, b, org.tensorflow.op.linalg.MatMul.transposeA(true));
        if (symmetrise) {
            p = tf.math.mul(tf.constant(0.5f), tf.math.add(p, tf.linalg.transpose(p, tf.constant(new int[] {1, 0}))));
        }
        return p;
    }

    public static Operand<TFloat32> estimate(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b, boolean symmetrise,
                                             double eps, double lambda) {
        return terms(tf, joint(tf, a, b, symmetrise), eps, lambda);
    }

    /**
     * The estimate over the samples whose {@code present} ([batch, 1]) is 1, as if the batch held those alone; 0 when
     * it holds none.
     */
    public static Operand<TFloat32> estimate(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b, boolean symmetrise,
                                             double eps, double lambda, Operand<TFloat32> present) {
        Operand<TFloat32> p = unnormalised(tf, tf.math.mul(a, present), b, symmetrise);
        p = tf.math.div(p, tf.math.maximum(tf.sum(p, tf.constant(new int[] {0, 1})), tf.constant(1e-12f)));
        Operand<TFloat32> any = tf.math.minimum(tf.sum(present, tf.constant(new int[] {0, 1})), tf.constant(1f));
        return tf.math.mul(terms(tf, p, eps, lambda), any);
    }

    private static Operand<TFloat32> terms(Ops tf, Operand<TFloat32> p, double eps, double lambda) {
        Operand<TInt32> rows = tf.constant(0);
        Operand<TInt32> cols = tf.constant(1);
        Operand<TFloat32> e = tf.constant((float) eps);
        Operand<TFloat32> pa = tf.math.maximum(tf.sum(p, cols, org.tensorflow.op.core.Sum.keepDims(true)), e);
        Operand<TFloat32> pb = tf.math.maximum(tf.sum(p, rows, org.tensorflow.op.core.Sum.keepDims(true)), e);
        Operand<TFloat32> pc = tf.math.maximum(p, e);
        Operand<TFloat32> w = tf.constant((float) (1 + lambda));
        Operand<TFloat32> marg = tf.math.mul(w, tf.math.add(tf.math.log(pa), tf.math.log(pb)));
        Operand<TFloat32> terms = tf.math.mul(pc, tf.math.sub(tf.math.log(pc), marg));
        return tf.sum(terms, tf.constant(new int[] {0, 1}));
    }
}
