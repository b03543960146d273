package org.mvclust.losses;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * Cross-view consistency by mutual information (DMAC Eq. 12–13 with the IIC estimator): for each pair of views a < b,
 * the joint P = (1/m) Σ_i F_i^(a)ᵀ F_i^(b) (c × c) of the rows' soft assignments, optionally symmetrised, clamped at
 * eps; loss = −Σ_{a<b} Σ_xy P_xy log(P_xy / (P_x P_y)). 0 for independent assignments, −log c at best per pair.
 */
public final class ConsistencyLoss implements Loss {
    @Override
    public String name() {
        return "consistency";
    }

    @Override
    public String description() {
        return "Negative mutual information between the views' soft assignments (IIC joint matrix), summed over pairs";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.many("views", "one soft assignment per view, rows × c, rows summing to 1"));
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofBoolean("symmetric", true, "average P with its transpose"),
                ParamSpec.ofDouble("eps", 1e-10, "lower clamp of the joint entries"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        List<Operand<TFloat32>> f = in.many("views");
        if (f.size() < 2) {
            throw new IllegalArgumentException("needs at least two views, got " + f.size());
        }
        Operand<TFloat32> loss = tf.constant(0f);
        for (int a = 0; a < f.size(); a++) {
            for (int b = a + 1; b < f.size(); b++) {
                loss = tf.math.sub(loss, mutualInformation(tf, f.get(a), f.get(b), p.getBoolean("symmetric"), p.getDouble("eps")));
            }
        }
        return Map.of("loss", loss);
    }

    static Operand<TFloat32> mutualInformation(Ops tf, Operand<TFloat32> fa, Operand<TFloat32> fb, boolean symmetric, double eps) {
        Operand<TFloat32> rows = tf.dtypes.cast(tf.gather(tf.shape(fa), tf.constant(0), tf.constant(0)), TFloat32.class);
        Operand<TFloat32> joint = tf.math.div(tf.linalg.matMul(fa, fb, MatMul.transposeA(true)), rows);
        if (symmetric) {
            joint = tf.math.mul(tf.constant(0.5f), tf.math.add(joint, tf.linalg.transpose(joint, tf.constant(new int[] {1, 0}))));
        }
        joint = tf.math.maximum(joint, tf.constant((float) eps));
        Operand<TFloat32> px = tf.sum(joint, tf.constant(1), Sum.keepDims(true));
        Operand<TFloat32> py = tf.sum(joint, tf.constant(0), Sum.keepDims(true));
        Operand<TFloat32> ratio = tf.math.sub(tf.math.sub(tf.math.log(joint), tf.math.log(px)), tf.math.log(py));
        return Dist.total(tf, tf.math.mul(joint, ratio));
    }
}
