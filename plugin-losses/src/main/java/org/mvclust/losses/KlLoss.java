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
 * KL(P‖Q) = Σ_j p_ij log(p_ij / q_ij), batch mean (Keras' 'kld': both clipped below at eps). P is a constant: no
 * gradient flows into the target.
 */
public final class KlLoss implements Loss {
    public static final String NAME = "kl";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Kullback-Leibler divergence KL(target || pred) per row, batch mean; target held constant";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("target", "target distribution P, samples × clusters (rows sum to 1)"),
                Port.one("pred", "predicted distribution Q, same shape"));
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofDouble("eps", 1e-7, "lower clip of p and q inside the logarithm"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params params) {
        Operand<TFloat32> target = in.one("target");
        Operand<TFloat32> pred = in.one("pred");
        Distributions.sameShape(target, pred);
        Ops tf = ctx.tf();
        Operand<TFloat32> eps = tf.constant((float) params.getDouble("eps"));
        Operand<TFloat32> p = tf.math.maximum(tf.stopGradient(target), eps);
        Operand<TFloat32> q = tf.math.maximum(pred, eps);
        Operand<TFloat32> rows = tf.sum(tf.math.mul(p, tf.math.sub(tf.math.log(p), tf.math.log(q))), tf.constant(1));
        return Map.of("loss", tf.math.mean(rows, tf.constant(0)));
    }
}
