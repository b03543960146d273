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
import org.mvclust.nn.Reductions;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * Structure preservation through an anchor graph (DMAC Eq. 15, 19): Σ_ij ‖z_i − z_j‖² g_ij with the doubly stochastic
 * G = S D_S⁻¹ Sᵀ, computed as 2 (‖Z‖²_F − ‖D_S^-1/2 Sᵀ Z‖²_F) in O(n · m · d): G (n × n) is never formed. With
 * {@code mask} (the view's presence), the sum runs over the present samples alone: absent rows of Z and S are left out.
 */
public final class StructureLoss implements Loss {
    public static final String NAME = "structure";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Sum of squared embedding distances weighted by the sample graph S D_S^-1 S^T, in linear time";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("z", "embedding, samples × d"), Port.one("s", "anchor graph, samples × anchors, rows summing to 1"),
                Masks.VIEW_PORT);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofBoolean("mean", false, "divide by the number of (present) samples in the batch (the paper sums)"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        Operand<TFloat32> z = in.one("z");
        Operand<TFloat32> s = in.one("s");
        if (in.has("mask")) {
            z = tf.math.mul(z, in.one("mask"));
            s = tf.math.mul(s, in.one("mask"));
        }
        Operand<TFloat32> deg = tf.math.maximum(tf.sum(s, tf.constant(0)), tf.constant(1e-12f));
        Operand<TFloat32> sz = tf.linalg.matMul(s, z, MatMul.transposeA(true));
        Operand<TFloat32> smooth = Reductions.total(tf, tf.math.div(tf.sum(tf.math.mul(sz, sz), tf.constant(1)), deg));
        Operand<TFloat32> loss = tf.math.mul(tf.constant(2f), tf.math.sub(Reductions.total(tf, tf.math.mul(z, z)), smooth));
        if (p.getBoolean("mean")) {
            Operand<TFloat32> rows = in.has("mask") ? tf.math.maximum(Reductions.total(tf, in.one("mask")), tf.constant(1f))
                    : tf.dtypes.cast(tf.gather(tf.shape(z), tf.constant(0), tf.constant(0)), TFloat32.class);
            loss = tf.math.div(loss, rows);
        }
        return Map.of("loss", loss);
    }
}
