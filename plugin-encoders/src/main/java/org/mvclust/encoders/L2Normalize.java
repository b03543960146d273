package org.mvclust.encoders;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Encoder;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.nn.Reductions;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;

/** Scales each row to unit ℓ2 norm, x / max(‖x‖, eps), as torch's F.normalize(x, p=2, dim=1). */
public final class L2Normalize implements Encoder {
    public static final String NAME = "l2norm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Each row scaled to unit l2 norm: x / max(|x|, eps)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofDouble("eps", 1e-12, "lower bound of the norm (a zero row stays zero)"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        return Map.of("out", Reductions.l2NormalizeRows(ctx.tf(), in.one("x"), (float) p.getDouble("eps")));
    }
}
