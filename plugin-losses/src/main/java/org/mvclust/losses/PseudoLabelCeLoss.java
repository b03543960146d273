package org.mvclust.losses;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Masks;
import org.mvclust.nn.Reductions;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * −(1/B) Σ_n Σ_k t_nk log p_nk: soft assignments p against (pseudo-)label rows t, which get no gradient. With
 * {@code mask} wired, the mean runs over the present samples only.
 */
public final class PseudoLabelCeLoss implements Loss {
    public static final String NAME = "pseudo_label_ce";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Cross-entropy of soft assignments against fixed pseudo-label rows (one-hot or soft), mean over samples";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("p", "soft assignments, samples × clusters"),
                Port.one("target", "pseudo-labels, samples × clusters (no gradient)"), Masks.VIEW_PORT);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofBoolean("double_softmax", false, "apply log-softmax to p as if it were logits (the DMIM/DCIB quirk)"),
                ParamSpec.ofDouble("eps", 1e-9, "lower clamp of p before the log"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params params) {
        Ops tf = ctx.tf();
        Operand<TFloat32> p = in.one("p");
        Operand<TFloat32> t = tf.stopGradient(in.one("target"));
        Operand<TFloat32> logp = params.getBoolean("double_softmax") ? tf.nn.logSoftmax(p)
                : tf.math.log(tf.math.maximum(p, tf.constant((float) params.getDouble("eps"))));
        if (in.has("mask")) {
            return Map.of("loss", Masks.presentMean(tf, tf.math.neg(tf.sum(tf.math.mul(t, logp), tf.constant(1))), in.one("mask")));
        }
        return Map.of("loss", Reductions.crossEntropy(tf, t, logp));
    }
}
