package org.mvclust.heads;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Inputs;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * DEC's sharpened target p_ij ∝ q_ij² / f_j with cluster frequencies f_j = Σ_i q_ij, from one soft assignment
 * ({@code q}) or the mean of several ({@code views}). The frequencies are those of the batch it sees: store it with an
 * action to compute them over the whole dataset.
 */
public final class DecTargetHead implements Head {
    public static final String NAME = "dec_target";
    private static final List<String> ALIASES = List.of("dectarget");

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
        return "DEC target distribution p ∝ q²/Σ_i q from a soft assignment q, or from the mean of the views' q";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.optional("q", "soft assignment, samples × clusters"),
                new Port("views", true, true, "soft assignments of several views, averaged (instead of q)"));
    }

    @Override
    public List<String> outputs() {
        return List.of("p");
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params params) {
        if (in.has("q") == in.has("views")) {
            throw new IllegalArgumentException("wire exactly one of q and views");
        }
        Ops tf = ctx.tf();
        Operand<TFloat32> q;
        if (in.has("q")) {
            q = in.one("q");
        } else {
            List<Operand<TFloat32>> views = in.many("views");
            q = views.size() == 1 ? views.get(0)
                    : tf.math.div(tf.math.addN(views), tf.constant((float) views.size()));
        }
        Operand<TFloat32> freq = tf.sum(q, tf.constant(0));
        Operand<TFloat32> w = tf.math.div(tf.math.square(q), freq);
        return Map.of("p", Probabilities.normaliseRows(tf, w));
    }
}
