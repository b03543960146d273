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
import org.mvclust.nn.Matrices;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The CAN kNN affinity graph of the batch rows as a dense samples × samples matrix (see {@link CanGraph}): P with the k
 * nearest weighted, then p_ii = 1 and P ← (P + Pᵀ)/2, as in BMvC's code. Output {@code directed} is P before the
 * diagonal and the symmetrisation. {@code vcr} builds the same graphs itself in sparse form from features; this head
 * is for inspection and for losses that take a dense graph.
 */
public final class KnnGraph implements Head {
    public static final String NAME = "knn_graph";

    @Override
    public String name() {
        return NAME;
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
                ParamSpec.ofInt("k", 25, "neighbours per sample (the k-th gets weight 0, as in the authors' code); < samples"),
                ParamSpec.ofBoolean("gradient", false, "let gradients flow through the weights (the authors' code does)"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        Operand<TFloat32> x = in.one("x");
        CanGraph.Neighbours nb = CanGraph.nearest(tf, x, p.getInt("k"), p.getBoolean("gradient"));
        Operand<TInt32> pairs = tf.reshape(tf.stack(List.of(CanGraph.rows(tf, nb.index()), nb.index()), org.tensorflow.op.core.Stack.axis(2L)),
                tf.constant(new int[] {-1, 2}));
        Operand<TInt32> n = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TFloat32> directed = tf.scatterNd(pairs, tf.reshape(nb.weight(), tf.constant(new int[] {-1})),
                tf.concat(List.of(n, n), tf.constant(0)));
        Operand<TFloat32> sym = tf.math.mul(tf.constant(0.5f),
                tf.math.add(directed, tf.linalg.transpose(directed, tf.constant(new int[] {1, 0}))));
        return Map.of("out", tf.math.add(sym, Matrices.eye(tf, x)), "directed", directed);
    }
}
