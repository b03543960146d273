package org.mvclust.losses;

import java.util.ArrayList;
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
 * KL of categorical rows p to the uniform distribution over their K classes, log K + batch mean of Σ_j p_j log(p_j + eps)
 * (Multi-VAE's discrete term), optionally capacity-controlled as {@link Capacity}.
 */
public final class CategoricalKlLoss implements Loss {
    public static final String NAME = "categorical_kl";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "KL divergence of categorical rows to the uniform categorical, optionally |KL - C(t)| with a growing capacity";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("p", "probabilities, samples × K"));
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> all = new ArrayList<>(List.of(
                ParamSpec.ofDouble("eps", 1e-12, "added to p inside the logarithm"),
                ParamSpec.ofChoice("capacity_unit", "nats", List.of("nats", "log_k"), "capacity in nats, or in units of log K (the KL's maximum)")));
        all.addAll(Capacity.PARAMS);
        return all;
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        Operand<TFloat32> a = in.one("p");
        long k = a.shape().numDimensions() == 2 ? a.shape().size(1) : -1;
        if (k < 2) {
            throw new IllegalArgumentException("p must be samples × K with a known K of at least 2, not " + a.shape());
        }
        Operand<TFloat32> negEntropy = tf.sum(tf.math.mul(a, tf.math.log(tf.math.add(a, tf.constant((float) p.getDouble("eps"))))),
                tf.constant(1));
        Operand<TFloat32> kl = tf.math.add(tf.constant((float) Math.log(k)), tf.math.mean(negEntropy, tf.constant(0)));
        double capacity = p.getDouble("capacity") * (p.getString("capacity_unit").equals("log_k") ? Math.log(k) : 1);
        return Map.of("loss", Capacity.apply(ctx, kl, capacity, p));
    }
}
