package org.mvclust.heads;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Layers;
import org.mvclust.nn.Masks;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The DDC clustering module (Kampffmeyer et al. 2019, as used by EAMC): hidden = BatchNorm(ReLU(Linear(x → hidden))),
 * out = softmax(Linear(hidden → K)). The DDC losses take their kernel from {@code hidden}. With {@code mask} wired, the
 * batch norm takes its statistics over the present samples only (absent rows are computed but meaningless).
 */
public final class DdcHead implements Head {
    public static final String NAME = "ddc";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "DDC clustering module: hidden = BN(ReLU(Linear(x))), out = softmax(Linear(hidden)) over K clusters";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("x", "representation, samples × features"), Masks.VIEW_PORT);
    }

    @Override
    public List<String> outputs() {
        return List.of("out", "hidden");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInt("hidden", 100, "width of the hidden layer"),
                ParamSpec.ofBoolean("batch_norm", true, "batch-normalise the hidden layer after its ReLU"),
                ParamSpec.ofDouble("momentum", 0.1, "batch-norm moving-average momentum (torch convention)"),
                ParamSpec.ofDouble("eps", 1e-5, "batch-norm variance epsilon"),
                ParamSpec.ofChoice("init", "he", Layers.INITS, "weight initialisation"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        String init = p.getString("init");
        Operand<TFloat32> hidden = tf.nn.relu(Layers.dense(ctx, "hidden", in.one("x"), p.getInt("hidden"), init));
        if (p.getBoolean("batch_norm")) {
            hidden = Layers.batchNorm(ctx, "bn", hidden, p.getDouble("momentum"), p.getDouble("eps"),
                    in.has("mask") ? in.one("mask") : null);
        }
        Operand<TFloat32> out = tf.nn.softmax(Layers.dense(ctx, "out", hidden, ctx.clusters(), init));
        return Map.of("out", out, "hidden", hidden);
    }
}
