package org.mvclust.losses;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Kernels;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * DDC's second term, orthogonality of assignments. Original: 2/(n(n−1)) Σ_{i<j} [AAᵀ]_ij over samples; flipped (as
 * EAMC uses it): 2/(k(k−1)) Σ_{i<j} [AᵀA]_ij over clusters.
 */
public final class Ddc2Loss implements Loss {
    public static final String NAME = "ddc2";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "DDC orthogonality: mean off-diagonal of A·Aᵀ (or of Aᵀ·A when flipped)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("a", "soft assignments, samples × clusters"));
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofBoolean("flipped", false, "use Aᵀ·A over clusters (EAMC) instead of A·Aᵀ over samples (DDC)"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        Operand<TFloat32> a = in.one("a");
        if (p.getBoolean("flipped")) {
            int k = Kernels.width(a, ctx.clusters());
            Operand<TFloat32> ata = tf.linalg.matMul(a, a, org.tensorflow.op.linalg.MatMul.transposeA(true));
            return Map.of("loss", tf.math.mul(tf.constant(2f / (k * (k - 1f))), Kernels.triuSum(tf, ata, k)));
        }
        // Σ_{i<j} [AAᵀ]_ij = (‖Σ_i a_i‖² − Σ_i ‖a_i‖²) / 2, without an n × n mask.
        Operand<TFloat32> colSums = tf.sum(a, tf.constant(0));
        Operand<TFloat32> offDiag = tf.math.mul(tf.constant(0.5f), tf.math.sub(tf.sum(tf.math.square(colSums), tf.constant(0)),
                tf.sum(tf.math.square(a), tf.constant(new int[] {0, 1}))));
        Operand<TFloat32> n = tf.dtypes.cast(tf.gather(tf.shape(a), tf.constant(0), tf.constant(0)), TFloat32.class);
        Operand<TFloat32> pairs = tf.math.mul(n, tf.math.sub(n, tf.constant(1f)));
        return Map.of("loss", tf.math.div(tf.math.mul(tf.constant(2f), offDiag), tf.math.maximum(pairs, tf.constant(1f))));
    }
}
