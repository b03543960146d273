package org.mvclust.losses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.FanIn;
import org.mvclust.nn.Kernels;
import org.mvclust.nn.Masks;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * EAMC's companion loss ‖K_f − Σ_v w_v K_v‖²_F between the kernel of the fused representation and the weighted view
 * kernels. With {@code mask}: K_v's bandwidth comes from view v's present samples, the target of a pair (i, j) is
 * Σ_v w_v K_v(i, j) / Σ_v w_v over the views both samples have (the weights renormalised as the fusion does), and pairs
 * without a common view are left out.
 */
public final class AttentionLoss implements Loss {
    public static final String NAME = "attention";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Squared Frobenius distance between the fused kernel and the weighted sum of the view kernels";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("fused", "fused representation, samples × d"),
                Port.many("views", "one representation per view"),
                Port.one("weights", "view weights, V values"), Masks.VIEWS_PORT);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofDouble("rel_sigma", 0.15, "kernel bandwidth: σ² = rel_sigma · median squared distance"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        double rel = p.getDouble("rel_sigma");
        List<Operand<TFloat32>> views = in.many("views");
        Operand<TFloat32> w = tf.reshape(in.one("weights"), tf.constant(new int[] {-1}));
        if (in.has("mask")) {
            return Map.of("loss", masked(tf, in.one("fused"), views, w, in.many("mask"), rel));
        }
        List<Operand<TFloat32>> weighted = new ArrayList<>();
        for (int v = 0; v < views.size(); v++) {
            Operand<TFloat32> wv = tf.gather(w, tf.constant(v), tf.constant(0));
            weighted.add(tf.math.mul(wv, Kernels.gaussian(tf, views.get(v), rel)));
        }
        Operand<TFloat32> diff = tf.math.sub(Kernels.gaussian(tf, in.one("fused"), rel), tf.math.addN(weighted));
        return Map.of("loss", tf.sum(tf.math.square(diff), tf.constant(new int[] {0, 1})));
    }

    private static Operand<TFloat32> masked(Ops tf, Operand<TFloat32> fused, List<Operand<TFloat32>> views, Operand<TFloat32> w,
                                            List<Operand<TFloat32>> masks, double rel) {
        if (masks.size() != views.size()) {
            throw new IllegalArgumentException(views.size() + " views but " + masks.size() + " masks");
        }
        List<Operand<TFloat32>> num = new ArrayList<>();
        List<Operand<TFloat32>> den = new ArrayList<>();
        List<Operand<TFloat32>> any = new ArrayList<>();
        for (int v = 0; v < views.size(); v++) {
            Operand<TFloat32> both = tf.stopGradient(Masks.pairs(tf, masks.get(v)));
            Operand<TFloat32> wv = tf.math.mul(tf.gather(w, tf.constant(v), tf.constant(0)), both);
            num.add(tf.math.mul(wv, Masks.gaussian(tf, views.get(v), rel, masks.get(v))));
            den.add(wv);
            any.add(both);
        }
        Operand<TFloat32> target = tf.math.div(FanIn.sum(tf, num), tf.math.maximum(FanIn.sum(tf, den), tf.constant(1e-12f)));
        Operand<TFloat32> common = tf.stopGradient(tf.math.minimum(FanIn.sum(tf, any), tf.constant(1f)));
        Operand<TFloat32> diff = tf.math.mul(tf.math.sub(Kernels.gaussian(tf, fused, rel), target), common);
        return tf.sum(tf.math.square(diff), tf.constant(new int[] {0, 1}));
    }
}
