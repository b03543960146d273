package org.mvclust.fusion;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.FusionOperator;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Masks;
import org.mvclust.nn.FanIn;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * [h1, ..., hV] along the feature axis. With {@code mask}, an absent view's block is zeros ({@code absent: zeros}), for
 * equal widths the mean of the sample's present views ({@code absent: present_mean}), or the mean of that view's
 * embeddings over the batch's samples having it ({@code absent: view_mean}); present blocks are unchanged.
 */
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
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofChoice("absent", "zeros", List.of("zeros", "present_mean", "view_mean"),
                "with a mask, an absent view's block: zeros, the mean of the sample's present views (equal widths), "
                        + "or the mean of that view over the batch's samples having it"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params params) {
        List<Operand<TFloat32>> views = in.many("views");
        if (in.has("mask")) {
            views = switch (params.getString("absent")) {
                case "zeros" -> Masks.zeroAbsent(ctx.tf(), views, in.many("mask"));
                case "present_mean" -> Masks.fillAbsent(ctx.tf(), views, in.many("mask"));
                case "view_mean" -> Masks.fillWithViewMean(ctx.tf(), views, in.many("mask"));
                default -> throw new IllegalArgumentException("absent must be zeros, present_mean or view_mean, not '"
                        + params.getString("absent") + "'");
            };
        }
        return Map.of("out", FanIn.concat(ctx.tf(), views, 1));
    }
}
