package org.mvclust.losses;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Masks;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * I(a; b) by the batch joint-matrix estimator ({@link JointMutualInformation}); the value is +MI, so a positive weight
 * compresses (minimises MI) and a negative weight preserves (maximises MI). With {@code mask} wired, the joint matrix
 * sums over the samples having the view only (0 for a batch without any).
 */
public final class JointMiLoss implements Loss {
    public static final String NAME = "joint_mi";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Mutual information I(a;b) from the batch joint matrix of row distributions (+MI; negative weight maximises)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("a", "samples × D, rows non-negative after the transform"),
                Port.one("b", "samples × D, rows non-negative after the transform"), Masks.VIEW_PORT);
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> all = new java.util.ArrayList<>(common());
        all.add(ParamSpec.ofBoolean("detach_b", false, "treat b as a fixed guide: no gradient flows into b"));
        return List.copyOf(all);
    }

    static List<ParamSpec> common() {
        return List.of(
                ParamSpec.ofChoice("transform", "none", List.of("none", "softmax"), "applied to each input row first: none (probabilities) or softmax (features)"),
                ParamSpec.ofBoolean("symmetrise", true, "use (P + Pᵀ)/2 as the joint matrix"),
                ParamSpec.ofDouble("eps", JointMutualInformation.EPS, "lower clamp of the joint and marginal probabilities"),
                ParamSpec.ofDouble("lambda", 0.0, "marginal weight (1 + lambda) of COMPLETER's variant; 0 is plain MI"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        Operand<TFloat32> a = JointMutualInformation.transform(tf, p.getString("transform"), in.one("a"));
        Operand<TFloat32> b = JointMutualInformation.transform(tf, p.getString("transform"), in.one("b"));
        if (p.getBoolean("detach_b")) {
            b = tf.stopGradient(b);
        }
        if (in.has("mask")) {
            return Map.of("loss", JointMutualInformation.estimate(tf, a, b, p.getBoolean("symmetrise"), p.getDouble("eps"),
                    p.getDouble("lambda"), in.one("mask")));
        }
        return Map.of("loss", JointMutualInformation.estimate(tf, a, b, p.getBoolean("symmetrise"), p.getDouble("eps"),
                p.getDouble("lambda")));
    }
}
