package org.mvclust.graphs;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.CanGraph;
import org.mvclust.nn.Distances;
import org.mvclust.nn.Kernels;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * MvSCN's affinity of the batch rows (DeepMVC's {@code Affinity}): with d_ij the squared distances, w_ij =
 * exp(−d_ij / (2σ²)) for the k nearest j ≠ i and 0 otherwise, then (W + Wᵀ)/2. σ is fixed, or the square root of the
 * median over the rows of the squared distance to the neighbour of rank {@code scale_k} (0 = nearest). No gradient.
 */
public final class KnnAffinity implements Head {
    public static final String NAME = "knn_affinity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Gaussian affinity on the k nearest neighbours of each batch row, symmetrised (MvSCN), samples × samples";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("x", "features, samples × d"));
    }

    @Override
    public List<String> outputs() {
        return List.of("out");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInt("k", 5, "neighbours per sample; < batch size"),
                ParamSpec.ofInt("scale_k", 2, "σ from the median squared distance to the neighbour of this rank (0 = nearest); < k"),
                ParamSpec.ofDouble("sigma", 0.0, "a fixed σ instead (0: the median rule)"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        int k = p.getInt("k");
        int scale = p.getInt("scale_k");
        if (k < 1 || scale < 0 || scale >= k) {
            throw new IllegalArgumentException("need k ≥ 1 and 0 ≤ scale_k < k, got k = " + k + ", scale_k = " + scale);
        }
        Ops tf = ctx.tf();
        Operand<TFloat32> x = tf.stopGradient(in.one("x"));
        Operand<TFloat32> d = Distances.squared(tf, x, x);
        Operand<TInt32> n = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        var top = tf.nn.topK(tf.linalg.matrixSetDiag(tf.math.neg(d), tf.fill(n, tf.constant(-1e30f)), tf.constant(0)),
                tf.constant(k), TInt32.class);
        Operand<TFloat32> sigma2;
        if (p.getDouble("sigma") > 0) {
            sigma2 = tf.constant((float) (p.getDouble("sigma") * p.getDouble("sigma")));
        } else {
            Operand<TFloat32> ranked = tf.slice(tf.math.neg(top.values()), tf.constant(new int[] {0, scale}), tf.constant(new int[] {-1, 1}));
            sigma2 = tf.math.maximum(Kernels.median(tf, ranked), tf.constant(Kernels.EPSILON));
        }
        Operand<TFloat32> w = tf.math.mul(Kernels.gaussian(tf, d, sigma2), CanGraph.indicator(tf, top.indices()));
        Operand<TFloat32> sym = tf.math.mul(tf.constant(0.5f), tf.math.add(w, tf.linalg.transpose(w, tf.constant(new int[] {1, 0}))));
        return Map.of("out", tf.stopGradient(sym));
    }
}
