package org.mvclust.heads;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Balanced hard pseudo-labels from soft assignments by Sinkhorn-Knopp (the "uniform distribution" constraint of the
 * DMIM/DCIB lineage): Q = Pᵀ^power (K × N), alternately r = (1/K)/(Q c), c = (1/N)/(Qᵀ r) until Σ|c/c_new − 1| < tol
 * (checked every check_every iterations) or max_iter, then one-hot argmax_k of diag(r) Q diag(c). No gradient.
 * Evaluate it on the whole dataset (a store action) for dataset-level balance.
 */
public final class BalancedLabelsHead implements Head {
    public static final String NAME = "balanced_labels";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Balanced one-hot pseudo-labels from soft assignments by Sinkhorn-Knopp (no gradient)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("x", "soft assignments, samples × clusters"));
    }

    @Override
    public List<String> outputs() {
        return List.of("out");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofDouble("power", 10.0, "sharpening: Q = assignments^power"),
                ParamSpec.ofInt("max_iter", 75, "most Sinkhorn iterations (unrolled in the graph)"),
                ParamSpec.ofDouble("tol", 1e-2, "stop when Σ|c/c_new − 1| falls below this"),
                ParamSpec.ofInt("check_every", 10, "iterations between convergence checks (the first is checked)"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        Operand<TFloat32> x = tf.stopGradient(in.one("x"));
        long k = x.shape().size(1);
        if (k < 1) {
            throw new IllegalArgumentException("balanced_labels needs a known number of columns, got " + x.shape());
        }
        Operand<TFloat32> q = tf.math.maximum(tf.math.pow(tf.linalg.transpose(x, tf.constant(new int[] {1, 0})),
                tf.constant((float) p.getDouble("power"))), tf.constant(1e-30f));
        Operand<TFloat32> n = tf.dtypes.cast(tf.gather(tf.shape(x), tf.constant(0), tf.constant(0)), TFloat32.class);
        Operand<TFloat32> invK = tf.constant(1f / k);
        Operand<TFloat32> invN = tf.math.div(tf.constant(1f), n);
        Operand<TFloat32> r = tf.fill(tf.constant(new long[] {k, 1}), invK);
        Operand<TFloat32> c = tf.math.mul(tf.onesLike(tf.slice(q, tf.constant(new int[] {0, 0}), tf.constant(new int[] {1, -1}))), invN);
        c = tf.linalg.transpose(c, tf.constant(new int[] {1, 0}));
        Operand<TFloat32> active = tf.constant(1f);
        Operand<TFloat32> tol = tf.constant((float) p.getDouble("tol"));
        var transposeA = org.tensorflow.op.linalg.MatMul.transposeA(true);
        for (int i = 0; i < p.getInt("max_iter"); i++) {
            Operand<TFloat32> rNew = tf.math.div(invK, tf.linalg.matMul(q, c));
            Operand<TFloat32> cNew = tf.math.div(invN, tf.linalg.matMul(q, rNew, transposeA));
            Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), active);
            r = tf.math.add(tf.math.mul(active, rNew), tf.math.mul(keep, r));
            Operand<TFloat32> cPrev = c;
            c = tf.math.add(tf.math.mul(active, cNew), tf.math.mul(keep, c));
            if (i % p.getInt("check_every") == 0) {
                Operand<TFloat32> err = tf.sum(tf.math.abs(tf.math.sub(tf.math.div(cPrev, cNew), tf.constant(1f))),
                        tf.constant(new int[] {0, 1}));
                active = tf.math.mul(active, tf.dtypes.cast(tf.math.greater(err, tol), TFloat32.class));
            }
        }
        Operand<TFloat32> balanced = tf.math.mul(tf.math.mul(r, q), tf.linalg.transpose(c, tf.constant(new int[] {1, 0})));
        Operand<TInt32> labels = tf.math.argMax(balanced, tf.constant(0), TInt32.class);
        return Map.of("out", tf.oneHot(labels, tf.constant((int) k), tf.constant(1f), tf.constant(0f)));
    }
}
