package org.mvclust.heads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Layers;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * EAMC's modality alignment: one discriminator D_v per view v ≠ anchor, an MLP with a single logit output applied to
 * the anchor view (real) and to view v (fake). Outputs logits, samples × (V − 1), column j for the j-th non-anchor view.
 */
public final class DiscriminatorHead implements Head {
    public static final String NAME = "discriminator";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "V-1 MLP discriminators, each telling the anchor view (real) from one other view (fake); logits";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.many("views", "one representation per view, samples × d"));
    }

    @Override
    public List<String> outputs() {
        return List.of("fake", "real");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInts("hidden", List.of(256, 256, 128), "widths of the hidden layers"),
                ParamSpec.ofChoice("activation", "leaky_relu", Layers.ACTIVATIONS, "activation of hidden layers (leaky_relu has slope 0.2)"),
                ParamSpec.ofInt("anchor", 0, "the view the others are aligned to"),
                ParamSpec.ofChoice("init", "he", List.of("he", "glorot"), "weight initialisation"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        List<Operand<TFloat32>> views = in.many("views");
        int anchor = p.getInt("anchor");
        if (views.size() < 2 || anchor < 0 || anchor >= views.size()) {
            throw new IllegalArgumentException("needs at least 2 views and an anchor in [0, " + views.size() + "), got anchor " + anchor);
        }
        List<Operand<TFloat32>> fake = new ArrayList<>();
        List<Operand<TFloat32>> real = new ArrayList<>();
        List<Integer> widths = new ArrayList<>(p.getInts("hidden"));
        widths.add(1);
        String init = p.getString("init");
        for (int v = 0; v < views.size(); v++) {
            if (v == anchor) {
                continue;
            }
            List<Layers.Dense> layers = new ArrayList<>();
            long width = views.get(v).shape().size(1);
            for (int i = 0; i < widths.size(); i++) {
                layers.add(Layers.weights(ctx, "d" + v + ".l" + i, width, widths.get(i), init));
                width = widths.get(i);
            }
            fake.add(apply(tf, layers, views.get(v), p.getString("activation")));
            real.add(apply(tf, layers, views.get(anchor), p.getString("activation")));
        }
        return Map.of("fake", columns(tf, fake), "real", columns(tf, real));
    }

    private static Operand<TFloat32> columns(Ops tf, List<Operand<TFloat32>> parts) {
        return parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(1));
    }

    /** The discriminator MLP on x; no activation after the last layer. */
    private static Operand<TFloat32> apply(Ops tf, List<Layers.Dense> layers, Operand<TFloat32> x, String activation) {
        Operand<TFloat32> h = x;
        for (int i = 0; i < layers.size(); i++) {
            h = layers.get(i).apply(tf, h);
            if (i < layers.size() - 1) {
                h = Layers.activate(tf, activation, h);
            }
        }
        return h;
    }
}
