package org.mvclust.heads;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Inputs;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The columns of a, then those of b (Multi-VAE's decoder input: a view's continuous latent beside the shared discrete one). */
public final class JoinHead implements Head {
    public static final String NAME = "join";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Two tensors side by side: out = [a, b] (e.g. a per-view latent beside a shared one)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("a", "samples × A"), Port.one("b", "samples × B"));
    }

    @Override
    public List<String> outputs() {
        return List.of("out");
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params params) {
        Operand<TFloat32> a = in.one("a");
        Operand<TFloat32> b = in.one("b");
        if (a.shape().numDimensions() != 2 || b.shape().numDimensions() != 2) {
            throw new IllegalArgumentException("a " + a.shape() + " and b " + b.shape() + " must both be samples × columns");
        }
        // an int32 axis: the gradient builder crashes on an int64 one
        return Map.of("out", ctx.tf().concat(List.of(a, b), ctx.tf().constant(1)));
    }
}
