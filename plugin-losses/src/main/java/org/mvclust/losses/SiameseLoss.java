package org.mvclust.losses;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.CanGraph;
import org.mvclust.nn.Distances;
import org.mvclust.nn.Matrices;
import org.mvclust.nn.Reductions;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The contrastive Siamese loss of SpectralNet and MvSCN on pairs made inside the batch: positives are each row's k
 * nearest other rows in {@code x} (squared Euclidean, no gradient), negatives every other pair; with d = ‖z_i − z_j‖²
 * the loss is ½ · mean over positives of d + ½ · mean over negatives of max(0, 1 − d), the expectation of DeepMVC's
 * mean over k positive and k random negative pairs per sample.
 */
public final class SiameseLoss implements Loss {
    public static final String NAME = "siamese";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Siamese contrastive loss, positives the k nearest batch rows in x, negatives the others (margin 1 on squared distance)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("z", "embedding, samples × m"), Port.one("x", "features that define the pairs, samples × d"));
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofInt("k", 3, "positive pairs per sample (its nearest rows in x); < batch size − 1"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        Operand<TFloat32> z = in.one("z");
        Operand<TFloat32> pos = CanGraph.indicator(tf, CanGraph.nearest(tf, in.one("x"), p.getInt("k"), false).index());
        Operand<TFloat32> neg = tf.math.mul(tf.math.sub(tf.constant(1f), pos), tf.math.sub(tf.constant(1f), Matrices.eye(tf, z)));
        Operand<TFloat32> d = Distances.squared(tf, z, z);
        Operand<TFloat32> near = tf.math.div(Reductions.total(tf, tf.math.mul(pos, d)), Reductions.total(tf, pos));
        Operand<TFloat32> far = tf.math.div(Reductions.total(tf, tf.math.mul(neg, tf.nn.relu(tf.math.sub(tf.constant(1f), d)))),
                tf.math.maximum(Reductions.total(tf, neg), tf.constant(1f)));
        return Map.of("loss", tf.math.mul(tf.constant(0.5f), tf.math.add(near, far)));
    }
}
