package org.mvclust.graphs;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Distances;
import org.mvclust.nn.Masks;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The closed-form anchor graph of Nie, Zhu and Li (2017): for each sample, with its distances to the anchors sorted
 * e_1 ≤ … ≤ e_m, s_j = (e_{k+1} − e_j) / (k e_{k+1} − Σ_{h≤k} e_h) on its k nearest anchors and 0 elsewhere.
 * Which anchors are nearest is taken from a stopped-gradient top-k; gradients flow through the selected distances,
 * or with {@code detach} not at all (S is then data for the blocks that read it, recomputed every step).
 * Dense batch × m, O(batch · m) time and memory. With {@code mask}, an absent sample's row is zeros: it is linked to no
 * anchor, so the anchor degrees, the anchor convolution and the structure term read the present samples alone.
 */
public final class AnchorGraph implements Head {
    public static final String NAME = "anchor_graph";
    private static final List<String> ALIASES = List.of("anchor-graph");

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
        return "Sparse sample-to-anchor graph S (rows sum to 1, k non-zeros) in closed form";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("z", "samples × d"), Port.one("anchors", "anchors × d"), Masks.VIEW_PORT);
    }

    @Override
    public List<String> outputs() {
        return List.of("s");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofInt("k", 5, "nearest anchors per sample (non-zeros per row of S)"),
                ParamSpec.ofDouble("eps", 1e-10, "added to the denominator (all k+1 nearest equidistant gives a zero row)"),
                ParamSpec.ofBoolean("detach", false, "no gradient through S: the graph is data to its readers, not trained through"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Operand<TFloat32> s = graph(ctx.tf(), in.one("z"), in.one("anchors"), p.getInt("k"), p.getDouble("eps"));
        if (in.has("mask")) {
            s = ctx.tf().math.mul(s, in.one("mask"));
        }
        return Map.of("s", p.getBoolean("detach") ? ctx.tf().stopGradient(s) : s);
    }

    /**
     * 0/1 masks (n × m) of the k nearest anchors and of the (k+1)-th of each row of e, built by scattering top-k
     * indices (O(n · k) besides the masks) and held constant for differentiation.
     */
    static List<Operand<TFloat32>> nearest(Ops tf, Operand<TFloat32> e, int k) {
        TopK<TFloat32, TInt32> top = tf.nn.topK(tf.stopGradient(tf.math.neg(e)), tf.constant(k + 1), TInt32.class);
        Operand<TInt32> shape = tf.shape(e);
        Operand<TInt32> rows = tf.range(tf.constant(0), tf.gather(shape, tf.constant(0), tf.constant(0)), tf.constant(1));
        Operand<TInt32> rowIds = tf.broadcastTo(tf.expandDims(rows, tf.constant(1)), tf.shape(top.indices()));
        Operand<TInt32> pairs = tf.stack(List.of(rowIds, top.indices()), org.tensorflow.op.core.Stack.axis(2L));
        Operand<TInt32> first = tf.slice(pairs, tf.constant(new int[] {0, 0, 0}), tf.constant(new int[] {-1, k, -1}));
        Operand<TInt32> last = tf.slice(pairs, tf.constant(new int[] {0, k, 0}), tf.constant(new int[] {-1, 1, -1}));
        return List.of(scatterOnes(tf, first, shape), scatterOnes(tf, last, shape));
    }

    private static Operand<TFloat32> scatterOnes(Ops tf, Operand<TInt32> pairs, Operand<TInt32> shape) {
        Operand<TInt32> count = tf.slice(tf.shape(pairs), tf.constant(new int[] {0}), tf.constant(new int[] {2}));
        return tf.stopGradient(tf.scatterNd(pairs, tf.fill(count, tf.constant(1f)), shape));
    }

    /** S (n × m) for embeddings z (n × d) and anchors u (m × d). */
    public static Operand<TFloat32> graph(Ops tf, Operand<TFloat32> z, Operand<TFloat32> u, int k, double eps) {
        long m = u.shape().size(0);
        if (m < 0) {
            throw new IllegalArgumentException("anchor count unknown");
        }
        if (k < 1 || k >= m) {
            throw new IllegalArgumentException("k must be between 1 and anchors − 1 = " + (m - 1) + ", got " + k);
        }
        Operand<TFloat32> e = Distances.squared(tf, z, u);
        List<Operand<TFloat32>> masks = nearest(tf, e, k);
        Operand<TFloat32> near = masks.get(0);
        Operand<TFloat32> next = masks.get(1);
        Operand<TInt32> rows = tf.constant(1);
        var keep = org.tensorflow.op.core.Sum.keepDims(true);
        Operand<TFloat32> ek1 = tf.sum(tf.math.mul(next, e), rows, keep);
        Operand<TFloat32> num = tf.math.mul(near, tf.math.sub(ek1, e));
        Operand<TFloat32> den = tf.math.add(tf.math.sub(tf.math.mul(tf.constant((float) k), ek1),
                tf.sum(tf.math.mul(near, e), rows, keep)), tf.constant((float) eps));
        return tf.math.div(num, den);
    }
}
