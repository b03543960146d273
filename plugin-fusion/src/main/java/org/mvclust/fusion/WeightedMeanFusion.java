package org.mvclust.fusion;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.nn.FanIn;
import org.mvclust.api.FusionOperator;
import org.mvclust.api.Initializer;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Masks;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Σ_v ŵ_v·h_v with learned weights w (one per view, initialised to 1/V), ŵ = softmax(w) or w itself. With {@code mask},
 * each sample's weights are renormalised over its present views: Σ_v ŵ_v m_v h_v / Σ_v ŵ_v m_v ({@code absent:
 * renormalise}); or absent views are filled by their view's mean over the batch's samples having it, then weighted
 * as without a mask ({@code absent: view_mean}).
 */
public final class WeightedMeanFusion implements FusionOperator {
    public static final String NAME = "weighted_mean";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Weighted sum of the view representations with learned weights (softmax-normalised by default)";
    }

    @Override
    public List<String> outputs() {
        return List.of("out", "weights");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofChoice("normalise", "softmax", List.of("softmax", "none"), "how weights are made from the learned logits: softmax or none"),
                MeanFusion.ABSENT);
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.many("views", "one representation per view, samples × d_v"), Masks.VIEWS_PORT);
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        List<Operand<TFloat32>> views = in.many("views");
        long width = views.get(0).shape().size(1);
        for (int v = 1; v < views.size(); v++) {
            if (views.get(v).shape().size(1) != width) {
                throw new IllegalArgumentException("weighted_mean fusion needs equal widths, view 0 has " + width
                        + " and view " + v + " has " + views.get(v).shape().size(1));
            }
        }
        Ops tf = ctx.tf();
        int m = views.size();
        Operand<TFloat32> w = ctx.variable("w", new long[] {m}, Initializer.constant(1f / m));
        Operand<TFloat32> weights = switch (p.getString("normalise")) {
            case "softmax" -> tf.reshape(tf.nn.softmax(tf.reshape(w, tf.constant(new long[] {1, m}))), tf.constant(new long[] {m}));
            case "none" -> w;
            default -> throw new IllegalArgumentException("normalise must be softmax or none, not '" + p.getString("normalise") + "'");
        };
        List<Operand<TFloat32>> filled = MeanFusion.filled(tf, in, p, views);
        if (filled != null) {
            views = filled;
        } else if (in.has("mask")) {
            return Map.of("out", Masks.weightedMean(tf, views, AttentionFusion.perView(tf, weights, m), in.many("mask")),
                    "weights", weights);
        }
        Operand<TFloat32> weighted = tf.math.mul(FanIn.stack(tf, views, 0), tf.reshape(weights, tf.constant(new long[] {m, 1, 1})));
        return Map.of("out", tf.sum(weighted, tf.constant(0)), "weights", weights);
    }
}
