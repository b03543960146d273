package org.mvclust.losses;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Masks;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Mean squared error over all elements of the batch (Keras' 'mse'). With {@code mask}, the mean over the present
 * samples of each sample's mean squared error (the same value when every sample is present).
 */
public final class MseLoss implements Loss {
    public static final String NAME = "mse";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Mean squared error between pred and target";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("pred", "prediction"), Port.one("target", "target, same shape as pred"), Masks.VIEW_PORT);
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params params) {
        Operand<TFloat32> pred = in.one("pred");
        Operand<TFloat32> target = in.one("target");
        if (!pred.shape().isCompatibleWith(target.shape())) {
            throw new IllegalArgumentException("pred " + pred.shape() + " and target " + target.shape() + " differ");
        }
        Ops tf = ctx.tf();
        Operand<TFloat32> sq = tf.math.squaredDifference(pred, target);
        if (in.has("mask")) {
            return Map.of("loss", Masks.presentMean(tf, tf.math.mean(sq, tf.constant(1)), in.one("mask")));
        }
        return Map.of("loss", tf.math.mean(tf.reshape(sq, tf.constant(new long[] {-1})), tf.constant(0)));
    }
}
