package org.mvclust.heads;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Reductions;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.core.Min;
import org.tensorflow.types.TFloat32;

/**
 * Scales each column with statistics of the batch it sees (min-max to [0, 1], or z-score). Store it with an action to
 * scale with whole-dataset statistics, e.g. embeddings before a global k-means; that store keeps the statistics, with
 * which a trained model scales new samples.
 */
public final class ColumnNormHead implements Head {
    public static final String NAME = "colnorm";

    static final List<String> METHODS = List.of("minmax", "zscore", "none");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Per-column min-max or z-score scaling with the statistics of the batch (new samples: those of the last store)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("x", "samples × features"));
    }

    @Override
    public List<String> outputs() {
        return List.of("out");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofChoice("method", "minmax", METHODS, "scaling"),
                ParamSpec.ofDouble("eps", 1e-12, "added to the range (or std) so constant columns map to 0"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Operand<TFloat32> x = in.one("x");
        Ops tf = ctx.tf();
        Operand<TFloat32> eps = tf.constant((float) p.getDouble("eps"));
        Operand<org.tensorflow.types.TInt32> axis = tf.constant(0);
        long[] row = {1, x.shape().numDimensions() == 2 ? x.shape().size(1) : -1};
        return Map.of("out", switch (p.getString("method")) {
            case "minmax" -> {
                Operand<TFloat32> lo = ctx.kept("lo", row, tf.min(x, axis, Min.keepDims(true)));
                Operand<TFloat32> hi = ctx.kept("hi", row, tf.max(x, axis, Max.keepDims(true)));
                yield tf.math.div(tf.math.sub(x, lo), tf.math.add(tf.math.sub(hi, lo), eps));
            }
            case "zscore" -> {
                Operand<TFloat32> mean = ctx.kept("mean", row, tf.math.mean(x, axis, Mean.keepDims(true)));
                Operand<TFloat32> centred = tf.math.sub(x, mean);
                Operand<TFloat32> std = ctx.kept("std", row, tf.math.sqrt(Reductions.columnVariance(tf, centred)));
                yield tf.math.div(centred, tf.math.add(std, eps));
            }
            case "none" -> x;
            default -> throw new IllegalArgumentException("method must be one of " + METHODS + ", got '" + p.getString("method") + "'");
        });
    }
}
