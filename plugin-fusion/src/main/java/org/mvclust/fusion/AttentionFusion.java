package org.mvclust.fusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.FusionOperator;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Masks;
import org.mvclust.nn.Layers;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * EAMC's modality attention: act = FCs([h¹,…,h^V]), e = softmax(sigmoid(act)/τ) per sample, w = batch mean of e,
 * out = Σ_v w_v h^v. With {@code learn: false} the weights are fixed at 1/V (EAMC without attention). With {@code mask},
 * the MLP sees absent views as zeros and each sample's weights w are renormalised over its present views.
 */
public final class AttentionFusion implements FusionOperator {
    public static final String NAME = "attention";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Weighted sum of equal-width views; weights from an MLP on the concatenation, softmax(sigmoid/tau), batch mean";
    }

    @Override
    public List<String> outputs() {
        return List.of("out", "weights");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInts("hidden", List.of(100, 50), "widths of the hidden fully connected layers (no activation)"),
                ParamSpec.ofDouble("tau", 10.0, "softmax temperature applied after the sigmoid"),
                ParamSpec.ofBoolean("learn", true, "learn the weights; false fixes them at 1/V"));
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.many("views", "one representation per view, samples × d_v"), Masks.VIEWS_PORT);
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        List<Operand<TFloat32>> views = in.many("views");
        int v = views.size();
        long width = views.get(0).shape().size(1);
        for (int i = 1; i < v; i++) {
            if (views.get(i).shape().size(1) != width) {
                throw new IllegalArgumentException("attention fusion needs equal widths, view 0 has " + width
                        + " and view " + i + " has " + views.get(i).shape().size(1));
            }
        }
        List<Operand<TFloat32>> masks = in.has("mask") ? in.many("mask") : null;
        if (masks != null) {
            views = Masks.zeroAbsent(tf, views, masks);
        }
        Operand<TFloat32> w;
        if (p.getBoolean("learn")) {
            Operand<TFloat32> h = tf.concat(views, tf.constant(1));
            List<Integer> hidden = new ArrayList<>(p.getInts("hidden"));
            hidden.add(v);
            for (int i = 0; i < hidden.size(); i++) {
                h = Layers.dense(ctx, "l" + i, h, hidden.get(i), "he");
            }
            Operand<TFloat32> e = tf.nn.softmax(tf.math.div(tf.math.sigmoid(h), tf.constant((float) p.getDouble("tau"))));
            w = tf.math.mean(e, tf.constant(0));
        } else {
            float[] uniform = new float[v];
            java.util.Arrays.fill(uniform, 1f / v);
            w = tf.constant(uniform);
        }
        if (masks != null) {
            return Map.of("out", Masks.weightedMean(tf, views, perView(tf, w, v), masks), "weights", w);
        }
        Operand<TFloat32> stacked = tf.stack(views, org.tensorflow.op.core.Stack.axis(2L));
        Operand<TFloat32> fused = tf.sum(tf.math.mul(stacked, w), tf.constant(2));
        return Map.of("out", fused, "weights", w);
    }

    /** The weights [V] as V tensors of shape [1, 1]. */
    static List<Operand<TFloat32>> perView(Ops tf, Operand<TFloat32> w, int views) {
        List<Operand<TFloat32>> out = new ArrayList<>();
        for (int v = 0; v < views; v++) {
            out.add(tf.reshape(tf.gather(w, tf.constant(v), tf.constant(0)), tf.constant(new long[] {1, 1})));
        }
        return out;
    }
}
