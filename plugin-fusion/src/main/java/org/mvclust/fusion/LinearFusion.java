package org.mvclust.fusion;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.FusionOperator;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Layers;
import org.mvclust.nn.Masks;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Combines the views, then one linear layer (no activation) to {@code out} columns. Modes: concat ([h1..hV]·W + b),
 * weighted_sum (softmax weights per sample from the concatenation, Σ_v a_v h_v, then the layer), average (mean, then
 * the layer); the last two need equal widths. With {@code mask} (mode concat only), {@code absent: rescale} makes an
 * absent view's block zeros and scales a sample's present blocks by V / (views it has), as inverted dropout scales what
 * it keeps; {@code absent: view_mean} fills an absent block with that view's mean over the batch's samples having it
 * and leaves present blocks unchanged.
 */
public final class LinearFusion implements FusionOperator {
    public static final String NAME = "linear";

    static final List<String> MODES = List.of("concat", "weighted_sum", "average");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Concatenation (or weighted/plain average) of the views followed by a linear layer";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.many("views", "one representation per view, samples × d_v"), Masks.VIEWS_PORT);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInt("out", null, "width of the fused representation"),
                ParamSpec.ofChoice("mode", "concat", MODES, "how views are combined before the layer"),
                ParamSpec.ofChoice("init", "glorot", Layers.INITS, "weight initialisation (torch: weights and biases uniform in ±1/sqrt(in))"),
                ParamSpec.ofChoice("absent", "rescale", List.of("rescale", "view_mean"),
                        "with a mask, an absent view's block: zeros with the present blocks scaled by V / views present, "
                                + "or the mean of that view over the batch's samples having it"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        List<Operand<TFloat32>> views = in.many("views");
        Ops tf = ctx.tf();
        String mode = p.getString("mode");
        String init = p.getString("init");
        if (in.has("mask")) {
            if (!mode.equals("concat")) {
                throw new IllegalArgumentException("port mask works with mode concat only, got mode '" + mode + "'");
            }
            views = p.getString("absent").equals("view_mean") ? Masks.fillWithViewMean(tf, views, in.many("mask"))
                    : Masks.zeroAbsentScaled(tf, views, in.many("mask"));
        }
        Operand<TFloat32> cat = tf.concat(views, tf.constant(1));
        Operand<TFloat32> h = switch (mode) {
            case "concat" -> cat;
            case "average" -> tf.math.mean(tf.stack(equalWidths(views)), tf.constant(0));
            case "weighted_sum" -> {
                Operand<TFloat32> a = tf.nn.softmax(Layers.dense(ctx, "weights", cat, views.size(), init));
                Operand<TFloat32> sum = null;
                for (int v = 0; v < views.size(); v++) {
                    Operand<TFloat32> av = tf.slice(a, tf.constant(new int[] {0, v}), tf.constant(new int[] {-1, 1}));
                    Operand<TFloat32> term = tf.math.mul(equalWidths(views).get(v), av);
                    sum = sum == null ? term : tf.math.add(sum, term);
                }
                yield sum;
            }
            default -> throw new IllegalArgumentException("unknown mode '" + mode + "' (" + MODES + ")");
        };
        return Map.of("out", Layers.dense(ctx, "l0", h, p.getInt("out"), init));
    }

    private static List<Operand<TFloat32>> equalWidths(List<Operand<TFloat32>> views) {
        long width = views.get(0).shape().size(1);
        for (int v = 1; v < views.size(); v++) {
            if (views.get(v).shape().size(1) != width) {
                throw new IllegalArgumentException("this mode needs equal widths, view 0 has " + width
                        + " and view " + v + " has " + views.get(v).shape().size(1));
            }
        }
        return views;
    }
}
