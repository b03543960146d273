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
 * The discriminators' side: Σ_columns [BCE(sigmoid(fake), 0) + BCE(sigmoid(real), 1)], each BCE a batch mean. With
 * {@code mask}, column j's fake term is averaged over the samples having the j-th view other than {@code anchor}, its
 * real term over those having the anchor view.
 */
public final class DiscriminatorLoss implements Loss {
    public static final String NAME = "discriminator";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Sum over discriminators of the mean BCE of fake logits against 0 plus real logits against 1";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("real", "discriminator logits on real samples, samples × discriminators"),
                Port.one("fake", "discriminator logits on generated samples, same shape"), Masks.VIEWS_PORT);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(GeneratorLoss.ANCHOR);
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        if (in.has("mask")) {
            List<Operand<TFloat32>> masks = in.many("mask");
            List<Operand<TFloat32>> others = GeneratorLoss.others(masks, p.getInt("anchor"));
            List<Operand<TFloat32>> anchor = java.util.Collections.nCopies(others.size(), masks.get(p.getInt("anchor")));
            return Map.of("loss", tf.math.add(GeneratorLoss.bce(tf, in.one("fake"), false, others),
                    GeneratorLoss.bce(tf, in.one("real"), true, anchor)));
        }
        return Map.of("loss", tf.math.add(GeneratorLoss.bce(tf, in.one("fake"), false), GeneratorLoss.bce(tf, in.one("real"), true)));
    }
}
