package org.mvclust.losses;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Binary cross-entropy −[t log p + (1 − t) log(1 − p)] of probabilities p against targets t in [0, 1] (PyTorch's
 * binary_cross_entropy; the arguments of the logarithms are floored at the smallest normal float, so a saturated p
 * costs at most 87.3 where PyTorch clamps the log at −100, and the gradient stays finite). Mean over every element, or
 * ({@code sum}) summed over the features and averaged over the batch.
 */
public final class BceLoss implements Loss {
    public static final String NAME = "bce";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Binary cross-entropy of probabilities pred against targets in [0, 1]";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("pred", "probabilities (e.g. a sigmoid), samples × features"),
                Port.one("target", "targets in [0, 1], same shape"));
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofChoice("reduction", "mean", List.of("mean", "sum"),
                "mean over all elements, or sum over the features and mean over the batch (Multi-VAE: mean × pixels)"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Operand<TFloat32> pred = in.one("pred");
        Operand<TFloat32> target = in.one("target");
        if (pred.shape().numDimensions() != 2 || !pred.shape().isCompatibleWith(target.shape())) {
            throw new IllegalArgumentException("pred " + pred.shape() + " and target " + target.shape() + " must both be samples × features");
        }
        Ops tf = ctx.tf();
        Operand<TFloat32> floor = tf.constant(Float.MIN_NORMAL);
        Operand<TFloat32> one = tf.constant(1f);
        Operand<TFloat32> logP = tf.math.log(tf.math.maximum(pred, floor));
        Operand<TFloat32> logQ = tf.math.log(tf.math.maximum(tf.math.sub(one, pred), floor));
        Operand<TFloat32> terms = tf.math.neg(tf.math.add(tf.math.mul(target, logP), tf.math.mul(tf.math.sub(one, target), logQ)));
        return Map.of("loss", switch (p.getString("reduction")) {
            case "mean" -> tf.math.mean(tf.reshape(terms, tf.constant(new long[] {-1})), tf.constant(0));
            case "sum" -> tf.math.mean(tf.sum(terms, tf.constant(1)), tf.constant(0));
            default -> throw new IllegalArgumentException("reduction must be mean or sum, not '" + p.getString("reduction") + "'");
        });
    }
}
