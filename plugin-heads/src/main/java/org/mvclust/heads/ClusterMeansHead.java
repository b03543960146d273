package org.mvclust.heads;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Inputs;
import org.mvclust.api.Port;
import org.mvclust.api.Params;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * The centre of each cluster in x: means_j = Σ_i w_ij x_i / Σ_i w_ij for one-hot (or soft) assignments w, a clusters ×
 * features tensor. Stored into centroids, it gives every view the centres of one shared clustering (e.g. the global
 * k-means on the concatenated embeddings), so that cluster j means the same in every view. Clusters without weight
 * get the zero vector.
 */
public final class ClusterMeansHead implements Head {
    public static final String NAME = "cluster_means";
    private static final List<String> ALIASES = List.of("clustermeans");

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
        return "Per-cluster means of x under assignments w (clusters × features), e.g. to align centroids across views";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("x", "samples × features"), Port.one("w", "assignments, samples × clusters (one-hot or soft)"));
    }

    @Override
    public List<String> outputs() {
        return List.of("means");
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params params) {
        Operand<TFloat32> x = in.one("x");
        Operand<TFloat32> w = in.one("w");
        Probabilities.width(x, "x");
        Probabilities.width(w, "w");
        Ops tf = ctx.tf();
        Operand<TFloat32> sums = tf.linalg.matMul(w, x, MatMul.transposeA(true));
        Operand<TFloat32> counts = tf.reshape(tf.sum(w, tf.constant(0)), tf.constant(new long[] {-1, 1}));
        return Map.of("means", tf.math.divNoNan(sums, counts));
    }
}
