package org.mvclust.losses;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Distances;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** SpectralNet's loss (MvSCN's MVSCN1): the mean over all pairs of the batch of w_ij · ‖y_i − y_j‖². */
public final class SpectralNetLoss implements Loss {
    public static final String NAME = "spectral_net";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "mean over pairs of affinity × squared distance of the outputs (SpectralNet, MvSCN)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("y", "outputs, samples × m"), Port.one("affinity", "affinity of the batch, samples × samples"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        Operand<TFloat32> y = in.one("y");
        Operand<TFloat32> w = in.one("affinity");
        Operand<TFloat32> prod = tf.math.mul(Distances.squared(tf, y, y), w);
        return Map.of("loss", tf.math.mean(tf.reshape(prod, tf.constant(new long[] {-1})), tf.constant(0)));
    }
}
