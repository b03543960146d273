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
import org.mvclust.nn.FanIn;
import org.mvclust.nn.Layers;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Dense layers whose weights every view shares (IIC's clustering and over-clustering heads): each of `heads` layers is
 * applied to each view; out holds the results side by side, head-major: columns [(h·V + v)·width, (h·V + v + 1)·width).
 */
public final class SharedDenseHead implements Head {
    public static final String NAME = "shared_dense";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Dense heads shared by all views (IIC): out = [act(dense_h(x_v)) for h, for v] side by side";
    }

    @Override
    public List<String> outputs() {
        return List.of("out");
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.many("views", "one tensor per view, samples × D (equal D)"));
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofInt("width", 0, "outputs of each head; 0: the number of clusters"),
                ParamSpec.ofInt("heads", 1, "independent heads, each shared by all views"),
                ParamSpec.ofChoice("activation", "softmax", Layers.ACTIVATIONS, "applied to each head's output"),
                ParamSpec.ofChoice("init", "torch", Layers.INITS, "weight initialisation (torch: PyTorch's Linear default)"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        List<Operand<TFloat32>> views = in.many("views");
        long d = views.get(0).shape().size(1);
        for (int v = 1; v < views.size(); v++) {
            if (views.get(v).shape().size(1) != d) {
                throw new IllegalArgumentException("shared_dense needs equal widths, view 0 has " + d + " and view " + v
                        + " has " + views.get(v).shape().size(1));
            }
        }
        int width = p.getInt("width") == 0 ? ctx.clusters() : p.getInt("width");
        int heads = p.getInt("heads");
        if (width < 1 || heads < 1) {
            throw new IllegalArgumentException("shared_dense: width and heads must be positive, got " + width + " and " + heads);
        }
        List<Operand<TFloat32>> parts = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            Layers.Dense dense = Layers.weights(ctx, "head" + h, d, width, p.getString("init"));
            for (Operand<TFloat32> x : views) {
                parts.add(Layers.activate(tf, p.getString("activation"), dense.apply(tf, x)));
            }
        }
        return Map.of("out", FanIn.concat(tf, parts, 1));
    }
}
