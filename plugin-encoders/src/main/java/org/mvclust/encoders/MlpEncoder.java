package org.mvclust.encoders;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Encoder;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.nn.Layers;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** A multi-layer perceptron: hidden layers with one activation, then a linear (or chosen) output layer. */
public final class MlpEncoder implements Encoder {
    public static final String NAME = "mlp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Fully connected layers: x -> hidden... -> out";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInts("hidden", List.of(500, 500, 2000), "widths of the hidden layers"),
                ParamSpec.ofInt("out", 10, "width of the output layer"),
                ParamSpec.ofChoice("activation", "relu", Layers.ACTIVATIONS, "activation of hidden layers"),
                ParamSpec.ofChoice("output_activation", "none", Layers.ACTIVATIONS, "activation of the output layer"),
                ParamSpec.ofChoice("init", "he", Layers.INITS, "weight initialisation"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Operand<TFloat32> h = in.one("x");
        String act = p.getString("activation");
        String init = p.getString("init");
        List<Integer> hidden = p.getInts("hidden");
        for (int i = 0; i < hidden.size(); i++) {
            h = Layers.activate(ctx.tf(), act, Layers.dense(ctx, "l" + i, h, hidden.get(i), init));
        }
        h = Layers.dense(ctx, "l" + hidden.size(), h, p.getInt("out"), init);
        return Map.of("out", Layers.activate(ctx.tf(), p.getString("output_activation"), h));
    }
}
