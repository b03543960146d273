package org.mvclust.losses;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Kernels;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** DDC's first term: the Cauchy-Schwarz divergence between clusters, d_cs(A, K_hidden). */
public final class Ddc1Loss implements Loss {
    public static final String NAME = "ddc1";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "DDC cluster separation: d_cs(A, Gaussian kernel of hidden)";
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
        Operand<TFloat32> a = in.one("a");
        Operand<TFloat32> kernel = Kernels.gaussian(ctx.tf(), in.one("hidden"), p.getDouble("rel_sigma"));
        return Map.of("loss", Kernels.cauchySchwarz(ctx.tf(), a, kernel, Kernels.width(a, ctx.clusters())));
    }
}
