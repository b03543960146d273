package org.mvclust.encoders;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Encoder;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Masks;
import org.mvclust.nn.Reductions;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Per-feature standardisation over the rows it is given, (x − mean) / sqrt(var + eps), with no learned scale or shift.
 * Fixes the scale of an embedding and rules out its collapse to a point. Always uses the statistics of the rows at
 * hand: the whole dataset when evaluated for actions and readout (chunks of 8192 rows beyond 50 000 samples), the
 * batch in training. With {@code mask}, the statistics are over the present rows alone and absent rows come out zero.
 */
public final class Standardize implements Encoder {
    public static final String NAME = "standardize";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Zero mean, unit variance per feature over the rows at hand (no learned scale or shift)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("x", "input batch, samples × features"), Masks.VIEW_PORT);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofBoolean("center", true, "subtract the per-feature mean"),
                ParamSpec.ofBoolean("scale", true, "divide by the per-feature standard deviation"),
                ParamSpec.ofDouble("eps", 1e-5, "added to the variance"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        Operand<TFloat32> x = in.one("x");
        Operand<TFloat32> mask = in.has("mask") ? in.one("mask") : null;
        Operand<TFloat32> centred = mask == null ? Reductions.centreColumns(tf, x) : tf.math.sub(x, Masks.columnMean(tf, x, mask));
        Operand<TFloat32> out = p.getBoolean("center") ? centred : tf.identity(x);
        if (p.getBoolean("scale")) {
            Operand<TFloat32> var = mask == null ? Reductions.columnVariance(tf, centred)
                    : Masks.columnMean(tf, tf.math.mul(centred, centred), mask);
            out = tf.math.div(out, tf.math.sqrt(tf.math.add(var, tf.constant((float) p.getDouble("eps")))));
        }
        return Map.of("out", mask == null ? out : tf.math.mul(out, mask));
    }
}
