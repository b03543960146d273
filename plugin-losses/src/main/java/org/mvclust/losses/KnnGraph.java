package org.mvclust.losses;

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
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The CAN k-nearest-neighbour affinity graph of the rows of x (the batch), as in BMvC's code: with d_ij the squared
 * distances and d_k the k-th smallest d_ij over j ≠ i, p_ij = (d_k − d_ij) / (k·d_k − Σ_{k nearest} d_ij) for the k
 * nearest j (so the k-th gets 0 and each row sums to 1), then p_ii = 1 and P ← (P + Pᵀ)/2. Output {@code directed} is P
 * before the diagonal and the symmetrisation. The neighbour selection never carries a gradient; the weights do when
 * {@code gradient} is true.
 */
public final class KnnGraph implements Head {
    @Override
    public String name() {
        return "knn_graph";
    }

    @Override
    public String description() {
        return "CAN kNN affinity graph of the batch rows (samples × samples), symmetric with unit diagonal";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("x", "features, samples × d"));
    }

    @Override
    public List<String> outputs() {
        return List.of("out", "directed");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInt("k", 25, "neighbours per sample (the k-th gets weight 0, as in the authors' code)"),
                ParamSpec.ofBoolean("gradient", false, "let gradients flow through the weights (the authors' code does)"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        TopKGradient.register();
        Ops tf = ctx.tf();
        int k = p.getInt("k");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        Operand<TFloat32> x = in.one("x");
        if (!p.getBoolean("gradient")) {
            x = tf.stopGradient(x);
        }
        Operand<TFloat32> eye = Graphs.eye(tf, x);
        Operand<TFloat32> d = tf.math.add(Graphs.squaredDistances(tf, x), tf.math.mul(eye, tf.constant(1e30f)));
        Operand<TFloat32> fixed = tf.stopGradient(d);
        Operand<TFloat32> nearest = tf.math.neg(tf.nn.topK(tf.math.neg(fixed), tf.constant(k), TInt32.class).values());
        Operand<TFloat32> kth = tf.slice(nearest, tf.constant(new int[] {0, k - 1}), tf.constant(new int[] {-1, 1}));
        Operand<TFloat32> mask = tf.dtypes.cast(tf.math.lessEqual(fixed, kth), TFloat32.class);
        Operand<TFloat32> masked = tf.math.mul(d, mask);
        Operand<TInt32> one = tf.constant(1);
        Operand<TFloat32> dk = p.getBoolean("gradient") ? tf.max(masked, one, Max.keepDims(true)) : kth;
        // ties at d_k may put more than k entries in the mask; each such extra entry equals d_k
        Operand<TFloat32> extra = tf.math.sub(tf.sum(mask, one, Sum.keepDims(true)), tf.constant((float) k));
        Operand<TFloat32> sumD = tf.math.sub(tf.sum(masked, one, Sum.keepDims(true)), tf.math.mul(extra, dk));
        Operand<TFloat32> denom = tf.math.add(tf.math.sub(tf.math.mul(tf.constant((float) k), dk), sumD), tf.constant(1e-8f));
        Operand<TFloat32> directed = tf.math.div(tf.math.mul(tf.nn.relu(tf.math.sub(dk, d)), mask), denom);
        Operand<TFloat32> withSelf = tf.math.add(directed, eye);
        Operand<TFloat32> sym = tf.math.mul(tf.constant(0.5f),
                tf.math.add(withSelf, tf.linalg.transpose(withSelf, tf.constant(new int[] {1, 0}))));
        return Map.of("out", sym, "directed", directed);
    }
}
