package org.mvclust.losses;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Distances;
import org.mvclust.nn.Masks;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;

/**
 * DMAC's anchor-learning loss (Eq. 7, 9): the mean over samples of the entropy of q_i, the Student-t similarities
 * q_ij ∝ (1 + ‖z_i − u_j‖²)⁻¹ of sample i to the anchors. log m when all samples and anchors coincide. With
 * {@code mask}, the mean over the present samples.
 */
public final class AnchorEntropyLoss implements Loss {
    public static final String NAME = "anchor_entropy";
    private static final List<String> ALIASES = List.of("anchor-entropy");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return ALIASES;
    }

    @Override
    public String description() {
        return "Mean entropy of each sample's Student-t similarity to the anchors (sharp = low)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("z", "samples × d"), Port.one("anchors", "anchors × d"), Masks.VIEW_PORT);
    }

    @Override
    public List<String> outputs() {
        return List.of("loss", "q");
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params params) {
        Ops tf = ctx.tf();
        Operand<TFloat32> logT = tf.math.neg(tf.math.log1p(Distances.squared(tf, in.one("z"), in.one("anchors"))));
        Operand<TFloat32> norm = tf.math.log(tf.sum(tf.math.exp(logT), tf.constant(1), Sum.keepDims(true)));
        Operand<TFloat32> logQ = tf.math.sub(logT, norm);
        Operand<TFloat32> q = tf.math.exp(logQ);
        Operand<TFloat32> entropy = tf.math.neg(tf.sum(tf.math.mul(q, logQ), tf.constant(1)));
        Operand<TFloat32> loss = in.has("mask") ? Masks.presentMean(tf, entropy, in.one("mask")) : tf.math.mean(entropy, tf.constant(0));
        return Map.of("loss", loss, "q", q);
    }
}
