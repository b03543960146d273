package org.mvclust.losses;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Reductions;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * scale · Σ (pred − target)² over the whole batch, or scale · its square root (the Frobenius norm) with {@code root};
 * target 0 when unwired. DMSC's three terms: ‖C‖_F, ½‖Z − CZ‖², ½‖X − X̂‖_F per view.
 */
public final class SumSquaresLoss implements Loss {
    public static final String NAME = "sum_squares";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "scale · sum of squared differences between pred and target (0 if unwired), or its square root";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("pred", "prediction"), Port.optional("target", "target, same shape as pred (default 0)"));
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofBoolean("root", false, "take the square root of the sum (a Frobenius norm)"),
                ParamSpec.ofDouble("scale", 1.0, "factor applied last (DMSC: 0.5 for its second and third terms)"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        Operand<TFloat32> pred = in.one("pred");
        Operand<TFloat32> diff = pred;
        if (in.has("target")) {
            Operand<TFloat32> target = in.one("target");
            if (!pred.shape().isCompatibleWith(target.shape())) {
                throw new IllegalArgumentException("pred " + pred.shape() + " and target " + target.shape() + " differ");
            }
            diff = tf.math.sub(pred, target);
        }
        Operand<TFloat32> sum = Reductions.total(tf, tf.math.square(diff));
        if (p.getBoolean("root")) {
            sum = tf.math.sqrt(sum);
        }
        return Map.of("loss", tf.math.mul(tf.constant((float) p.getDouble("scale")), sum));
    }
}
