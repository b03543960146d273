package org.mvclust.fusion;

import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.FusionOperator;
import org.mvclust.api.Inputs;
import org.mvclust.api.Params;
import org.mvclust.nn.FanIn;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** [h1, ..., hV] along the feature axis. */
public final class ConcatFusion implements FusionOperator {
    public static final String NAME = "concat";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Concatenates the view representations along the feature axis";
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params params) {
        return Map.of("out", FanIn.concat(ctx.tf(), in.many("views"), 1));
    }
}
