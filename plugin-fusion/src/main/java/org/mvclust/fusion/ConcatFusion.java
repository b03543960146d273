package org.mvclust.fusion;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.FusionOperator;
import org.mvclust.api.Inputs;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Masks;
import org.mvclust.nn.FanIn;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** [h1, ..., hV] along the feature axis; with {@code mask}, an absent view's block is zeros (h_v · m_v). */
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
    public List<Port> inputs() {
        return List.of(Port.many("views", "one representation per view, samples × d_v"), Masks.VIEWS_PORT);
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params params) {
        List<Operand<TFloat32>> views = in.many("views");
        if (in.has("mask")) {
            views = Masks.zeroAbsent(ctx.tf(), views, in.many("mask"));
        }
        return Map.of("out", FanIn.concat(ctx.tf(), views, 1));
    }
}
