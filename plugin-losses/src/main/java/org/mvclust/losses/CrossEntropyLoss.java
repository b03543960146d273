package org.mvclust.losses;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Reductions;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** −Σ_j t_ij log p_ij, batch mean, for soft or one-hot targets t and predicted probabilities p (clipped below at eps). */
public final class CrossEntropyLoss implements Loss {
    public static final String NAME = "cross_entropy";
    private static final List<String> ALIASES = List.of("crossentropy");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return ALIASES;
    }

    @Override
    public String description() {
        return "Cross-entropy of predicted probabilities against soft or one-hot targets, batch mean; target held constant";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("target", "target probabilities or one-hot labels, samples × classes"),
                Port.one("pred", "predicted probabilities (e.g. a softmax), same shape"));
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofDouble("eps", 1e-7, "lower clip of pred inside the logarithm"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params params) {
        Operand<TFloat32> target = in.one("target");
        Operand<TFloat32> pred = in.one("pred");
        Distributions.sameShape(target, pred);
        Ops tf = ctx.tf();
        Operand<TFloat32> logp = tf.math.log(tf.math.maximum(pred, tf.constant((float) params.getDouble("eps"))));
        return Map.of("loss", Reductions.crossEntropy(tf, tf.stopGradient(target), logp));
    }
}
