package org.mvclust.fusion;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.nn.FanIn;
import org.mvclust.api.FusionOperator;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Masks;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * (1/V) Σ_v h_v; all views must have the same width. With {@code mask}, the mean of each sample's present views
 * ({@code absent: renormalise}), or absent views filled by their view's mean over the batch's samples having it, then
 * the mean over all views ({@code absent: view_mean}).
 */
public final class MeanFusion implements FusionOperator {
    public static final String NAME = "mean";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Averages the view representations (equal widths required)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.many("views", "one representation per view, samples × d_v"), Masks.VIEWS_PORT);
    }

    /** The {@code absent} parameter of the mean fusions. */
    static final ParamSpec ABSENT = ParamSpec.ofChoice("absent", "renormalise", List.of("renormalise", "view_mean"),
            "with a mask: renormalise over each sample's present views, or fill an absent view by its mean over the batch's samples having it");

    /** With a mask and {@code absent: view_mean}, the views with absent rows filled; otherwise null. */
    static List<Operand<TFloat32>> filled(Ops tf, Inputs in, Params params, List<Operand<TFloat32>> views) {
        if (!in.has("mask")) {
            return null;
        }
        return switch (params.getString("absent")) {
            case "renormalise" -> null;
            case "view_mean" -> Masks.fillWithViewMean(tf, views, in.many("mask"));
            default -> throw new IllegalArgumentException("absent must be renormalise or view_mean, not '" + params.getString("absent") + "'");
        };
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ABSENT);
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params params) {
        List<Operand<TFloat32>> views = in.many("views");
        long width = views.get(0).shape().size(1);
        for (int v = 1; v < views.size(); v++) {
            if (views.get(v).shape().size(1) != width) {
                throw new IllegalArgumentException("mean fusion needs equal widths, view 0 has " + width
                        + " and view " + v + " has " + views.get(v).shape().size(1));
            }
        }
        Ops tf = ctx.tf();
        List<Operand<TFloat32>> filled = filled(tf, in, params, views);
        if (filled != null) {
            views = filled;
        } else if (in.has("mask")) {
            return Map.of("out", Masks.mean(tf, views, in.many("mask")));
        }
        return Map.of("out", tf.math.mean(FanIn.stack(tf, views, 0), tf.constant(0)));
    }
}
