package org.mvclust.nn;

import java.util.ArrayList;
import java.util.List;
import org.mvclust.api.Port;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;

/**
 * Presence masks of incomplete views: one [batch, 1] tensor per view, 1 where the sample has the view, 0 where not
 * (the runtime's tensor {@code mask}, wired as {@code mask[*]} or per view as {@code mask}). Every sample has at least
 * one view, so the per-sample sums below are at least 1; they are still clamped so a batch never divides by zero.
 */
public final class Masks {
    /** The optional list port of a mask-aware block that combines views. */
    public static final Port VIEWS_PORT = new Port("mask", true, true,
            "presence of each view, [batch, 1] per view (wire the runtime's mask[*]); absent views are left out");

    /** The optional port of a mask-aware per-view block. */
    public static final Port VIEW_PORT = Port.optional("mask",
            "presence of this view, [batch, 1] (wire the runtime's mask); absent samples are left out");

    private Masks() {
    }

    /** h_v · m_v for every view: absent views become zero rows. */
    public static List<Operand<TFloat32>> zeroAbsent(Ops tf, List<Operand<TFloat32>> views, List<Operand<TFloat32>> masks) {
        check(views, masks);
        List<Operand<TFloat32>> out = new ArrayList<>();
        for (int v = 0; v < views.size(); v++) {
            out.add(tf.math.mul(views.get(v), masks.get(v)));
        }
        return out;
    }

    /**
     * h_v · m_v · V / Σ_u m_u for every view: absent views become zero rows and a sample's present views are scaled by
     * the number of views over the number it has, as inverted dropout scales the units it keeps.
     */
    public static List<Operand<TFloat32>> zeroAbsentScaled(Ops tf, List<Operand<TFloat32>> views, List<Operand<TFloat32>> masks) {
        check(views, masks);
        Operand<TFloat32> scale = tf.math.div(tf.constant((float) views.size()), clamp(tf, FanIn.sum(tf, masks)));
        List<Operand<TFloat32>> out = new ArrayList<>();
        for (Operand<TFloat32> h : zeroAbsent(tf, views, masks)) {
            out.add(tf.math.mul(h, scale));
        }
        return out;
    }

    /** Each absent view's row replaced by the mean of the sample's present views (equal widths): m_v h_v + (1 − m_v) h̄. */
    public static List<Operand<TFloat32>> fillAbsent(Ops tf, List<Operand<TFloat32>> views, List<Operand<TFloat32>> masks) {
        long width = views.get(0).shape().size(1);
        for (int v = 1; v < views.size(); v++) {
            if (views.get(v).shape().size(1) != width) {
                throw new IllegalArgumentException("filling absent views with the present views' mean needs equal widths, view 0 has "
                        + width + " and view " + v + " has " + views.get(v).shape().size(1));
            }
        }
        Operand<TFloat32> mean = mean(tf, views, masks);
        List<Operand<TFloat32>> out = new ArrayList<>();
        for (int v = 0; v < views.size(); v++) {
            Operand<TFloat32> m = masks.get(v);
            out.add(tf.math.add(tf.math.mul(views.get(v), m), tf.math.mul(mean, tf.math.sub(tf.constant(1f), m))));
        }
        return out;
    }

    /**
     * Each absent view's row replaced by the mean of that view's rows over the batch's samples having it:
     * m_v h_v + (1 − m_v) μ_v, μ_v = Σ_i m_iv h_iv / Σ_i m_iv ([1, d_v]; zeros when no sample of the batch has the view).
     * Widths may differ; gradients flow into the present rows through μ_v, never into the absent rows.
     */
    public static List<Operand<TFloat32>> fillWithViewMean(Ops tf, List<Operand<TFloat32>> views, List<Operand<TFloat32>> masks) {
        check(views, masks);
        List<Operand<TFloat32>> out = new ArrayList<>();
        for (int v = 0; v < views.size(); v++) {
            Operand<TFloat32> m = masks.get(v);
            Operand<TFloat32> mean = columnMean(tf, views.get(v), m);
            out.add(tf.math.add(tf.math.mul(views.get(v), m), tf.math.mul(mean, tf.math.sub(tf.constant(1f), m))));
        }
        return out;
    }

    /** Per sample, Σ_v w_v m_v h_v / Σ_v w_v m_v: view weights renormalised over the views the sample has. */
    public static Operand<TFloat32> weightedMean(Ops tf, List<Operand<TFloat32>> views, List<Operand<TFloat32>> weights,
                                                 List<Operand<TFloat32>> masks) {
        check(views, masks);
        List<Operand<TFloat32>> present = new ArrayList<>();
        List<Operand<TFloat32>> terms = new ArrayList<>();
        for (int v = 0; v < views.size(); v++) {
            Operand<TFloat32> wm = weights == null ? masks.get(v) : tf.math.mul(weights.get(v), masks.get(v));
            present.add(wm);
            terms.add(tf.math.mul(views.get(v), wm));
        }
        return tf.math.div(FanIn.sum(tf, terms), clamp(tf, FanIn.sum(tf, present)));
    }

    /** Per sample, the mean of the present views: Σ_v m_v h_v / Σ_v m_v. */
    public static Operand<TFloat32> mean(Ops tf, List<Operand<TFloat32>> views, List<Operand<TFloat32>> masks) {
        return weightedMean(tf, views, null, masks);
    }

    /**
     * The mean of a per-sample quantity over the present samples only: Σ_i m_i l_i / Σ_i m_i (0 when the batch holds
     * no present sample). {@code perSample} is [batch] or [batch, 1]; {@code mask} is [batch, 1].
     */
    public static Operand<TFloat32> presentMean(Ops tf, Operand<TFloat32> perSample, Operand<TFloat32> mask) {
        Operand<TFloat32> m = tf.reshape(mask, tf.constant(new long[] {-1}));
        Operand<TFloat32> l = tf.reshape(perSample, tf.constant(new long[] {-1}));
        Operand<TFloat32> total = tf.sum(tf.math.mul(l, m), tf.constant(0));
        return tf.math.div(total, clamp(tf, tf.sum(m, tf.constant(0))));
    }

    /** Each column's mean over the present rows, Σ_i m_i x_i / Σ_i m_i, [1, columns] (zeros when none is present). */
    public static Operand<TFloat32> columnMean(Ops tf, Operand<TFloat32> x, Operand<TFloat32> mask) {
        Operand<TFloat32> sum = tf.sum(tf.math.mul(x, mask), tf.constant(0), Sum.keepDims(true));
        return tf.math.div(sum, clamp(tf, tf.sum(mask, tf.constant(0), Sum.keepDims(true))));
    }

    /** Pairwise presence m_a · m_b of two views, [batch, 1]: 1 where the sample has both. */
    public static Operand<TFloat32> both(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
        return tf.math.mul(a, b);
    }

    /** Pairwise presence m mᵀ of one view, [batch, batch]: 1 where both samples have the view. */
    public static Operand<TFloat32> pairs(Ops tf, Operand<TFloat32> mask) {
        return tf.linalg.matMul(mask, mask, org.tensorflow.op.linalg.MatMul.transposeB(true));
    }

    /**
     * The Gaussian kernel of a view's rows with σ² = relSigma · the median squared distance between its present
     * samples (as {@link Kernels#gaussian(Ops, Operand, double)} on those samples alone); entries of absent samples
     * are computed but meaningless: multiply by {@link #pairs}.
     */
    public static Operand<TFloat32> gaussian(Ops tf, Operand<TFloat32> x, double relSigma, Operand<TFloat32> mask) {
        Operand<TFloat32> dist = Distances.squared(tf, x, x);
        Operand<TFloat32> median = Kernels.median(tf, dist, pairs(tf, mask));
        Operand<TFloat32> sigma2 = tf.math.maximum(tf.math.mul(tf.constant((float) relSigma), median), tf.constant(Kernels.EPSILON));
        return Kernels.gaussian(tf, dist, sigma2);
    }

    private static Operand<TFloat32> clamp(Ops tf, Operand<TFloat32> count) {
        return tf.math.maximum(count, tf.constant(1e-12f));
    }

    private static void check(List<Operand<TFloat32>> views, List<Operand<TFloat32>> masks) {
        if (views.size() != masks.size()) {
            throw new IllegalArgumentException(views.size() + " views but " + masks.size() + " masks");
        }
    }
}
