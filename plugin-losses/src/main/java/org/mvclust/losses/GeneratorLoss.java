package org.mvclust.losses;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The generators' side of an adversarial game: Σ_columns BCE(sigmoid(fake), 1), each column's BCE a batch mean. */
public final class GeneratorLoss implements Loss {
    public static final String NAME = "generator";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Sum over discriminators of the mean BCE of the fake logits against 'real' (fool the discriminators)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("fake", "discriminator logits on generated samples, samples × discriminators"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        return Map.of("loss", bce(ctx.tf(), in.one("fake"), true));
    }

    /** Σ_j mean_i BCE(sigmoid(logits_ij), target) computed stably from logits: softplus(∓logit). */
    static Operand<TFloat32> bce(Ops tf, Operand<TFloat32> logits, boolean target) {
        Operand<TFloat32> perSample = tf.math.softplus(target ? tf.math.neg(logits) : logits);
        return tf.sum(tf.math.mean(perSample, tf.constant(0)), tf.constant(0));
    }
}
