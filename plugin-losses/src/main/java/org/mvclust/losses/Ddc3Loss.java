package org.mvclust.losses;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Distances;
import org.mvclust.nn.Kernels;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** DDC's third term, closeness to the simplex corners: d_cs(M, K_hidden) with M_qi = exp(−‖a_q − e_i‖²). */
public final class Ddc3Loss implements Loss {
    public static final String NAME = "ddc3";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "DDC simplex-corner term: d_cs(exp(-|a - e_i|^2), Gaussian kernel of hidden)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("a", "soft assignments, samples × clusters"),
                Port.one("hidden", "representation the kernel is computed on"));
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofDouble("rel_sigma", 0.15, "kernel bandwidth: σ² = rel_sigma · median squared distance"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        Operand<TFloat32> a = in.one("a");
        int k = Kernels.width(a, ctx.clusters());
        Operand<TFloat32> m = tf.math.exp(tf.math.neg(Distances.squared(tf, a, tf.constant(Kernels.identity(k)))));
        Operand<TFloat32> kernel = Kernels.gaussian(tf, in.one("hidden"), p.getDouble("rel_sigma"));
        return Map.of("loss", Kernels.cauchySchwarz(tf, m, kernel, k));
    }
}
