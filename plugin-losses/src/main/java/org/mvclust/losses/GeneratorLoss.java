package org.mvclust.losses;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.FanIn;
import org.mvclust.nn.Masks;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The generators' side of an adversarial game: Σ_columns BCE(sigmoid(fake), 1), each column's BCE a batch mean. With
 * {@code mask} (one per view, as the discriminator head saw them), column j is the j-th view other than {@code anchor}
 * and its mean runs over the samples having that view.
 */
public final class GeneratorLoss implements Loss {
    public static final String NAME = "generator";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Sum over discriminators of the mean BCE of the fake logits against 'real' (fool the discriminators)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("fake", "discriminator logits on generated samples, samples × discriminators"), Masks.VIEWS_PORT);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ANCHOR);
    }

    static final ParamSpec ANCHOR = ParamSpec.ofInt("anchor", 0,
            "with mask: the discriminator head's anchor view (column j is the j-th other view)");

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        if (in.has("mask")) {
            List<Operand<TFloat32>> masks = in.many("mask");
            return Map.of("loss", bce(ctx.tf(), in.one("fake"), true, others(masks, p.getInt("anchor"))));
        }
        return Map.of("loss", bce(ctx.tf(), in.one("fake"), true));
    }

    /** The masks of the views other than the anchor, in column order. */
    static List<Operand<TFloat32>> others(List<Operand<TFloat32>> masks, int anchor) {
        if (anchor < 0 || anchor >= masks.size()) {
            throw new IllegalArgumentException("anchor " + anchor + " is not a view: " + masks.size() + " masks");
        }
        List<Operand<TFloat32>> out = new java.util.ArrayList<>(masks);
        out.remove(anchor);
        return out;
    }

    /** Σ_j of column j's BCE averaged over the samples where masks[j] is 1. */
    static Operand<TFloat32> bce(Ops tf, Operand<TFloat32> logits, boolean target, List<Operand<TFloat32>> masks) {
        long columns = logits.shape().numDimensions() == 2 ? logits.shape().size(1) : -1;
        if (columns >= 0 && columns != masks.size()) {
            throw new IllegalArgumentException(columns + " discriminator columns but " + masks.size() + " masks for them");
        }
        List<Operand<TFloat32>> terms = new java.util.ArrayList<>();
        for (int j = 0; j < masks.size(); j++) {
            Operand<TFloat32> column = tf.slice(logits, tf.constant(new int[] {0, j}), tf.constant(new int[] {-1, 1}));
            terms.add(Masks.presentMean(tf, tf.math.softplus(target ? tf.math.neg(column) : column), masks.get(j)));
        }
        return FanIn.sum(tf, terms);
    }

    /** Σ_j mean_i BCE(sigmoid(logits_ij), target) computed stably from logits: softplus(∓logit). */
    static Operand<TFloat32> bce(Ops tf, Operand<TFloat32> logits, boolean target) {
        Operand<TFloat32> perSample = tf.math.softplus(target ? tf.math.neg(logits) : logits);
        return tf.sum(tf.math.mean(perSample, tf.constant(0)), tf.constant(0));
    }
}
