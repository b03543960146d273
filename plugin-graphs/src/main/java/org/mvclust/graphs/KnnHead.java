package org.mvclust.graphs;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Initializer;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.CanGraph;
import org.mvclust.nn.Masks;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The CAN kNN graph of the batch rows as neighbour lists (see {@link CanGraph}): {@code index} holds, per row, the
 * batch positions of its k nearest rows (as floats, nearest first) and {@code weight} their weights. With
 * {@code cache}, the lists come from state variable {@code cache} (samples × 2k: neighbour dataset rows, then weights),
 * filled once by a store action from output {@code computed} (e.g. {@code store: {from: "g[*]", into: node.cache}});
 * neighbours absent from the batch get weight 0. Use it for graphs of constant features (raw views). With {@code mask}
 * (the view's presence), the graph of the present rows alone ({@link CanGraph#nearest(Ops, Operand, int, boolean,
 * Operand)}): a sample that lacks the view is nobody's neighbour and has none (its row points at itself with weight 0).
 */
public final class KnnHead implements Head {
    public static final String NAME = "knn";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "CAN kNN graph of the batch rows as neighbour lists (index, weight), optionally cached per sample";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("x", "features, samples × d"),
                Port.optional("sample_index", "dataset row of each batch row (the runtime's sample_index); needed by cache"),
                Masks.VIEW_PORT);
    }

    @Override
    public List<String> outputs() {
        return List.of("index", "weight", "computed");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInt("k", 25, "neighbours per sample (the k-th gets weight 0, as in the authors' code); < samples"),
                ParamSpec.ofBoolean("gradient", false, "let gradients flow through the weights (the authors' code does for the joint graph)"),
                ParamSpec.ofBoolean("cache", false, "read the lists from the per-sample cache that a store action filled"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        int k = p.getInt("k");
        CanGraph.Neighbours nb = in.has("mask") ? CanGraph.nearest(tf, in.one("x"), k, p.getBoolean("gradient"), in.one("mask"))
                : CanGraph.nearest(tf, in.one("x"), k, p.getBoolean("gradient"));
        Operand<TFloat32> positions = tf.dtypes.cast(nb.index(), TFloat32.class);
        if (!p.getBoolean("cache")) {
            Operand<TFloat32> computed = in.has("sample_index")
                    ? tf.concat(List.of(ids(tf, in.one("sample_index"), nb.index()), nb.weight()), tf.constant(1))
                    : tf.concat(List.of(positions, nb.weight()), tf.constant(1));
            return Map.of("index", positions, "weight", nb.weight(), "computed", computed);
        }
        if (!in.has("sample_index")) {
            throw new IllegalArgumentException("cache needs port sample_index (wire the runtime's tensor sample_index)");
        }
        Operand<TFloat32> sample = in.one("sample_index");
        Operand<TFloat32> computed = tf.concat(List.of(ids(tf, sample, nb.index()), nb.weight()), tf.constant(1));
        Operand<TFloat32> cache = ctx.state("cache", new long[] {ctx.samples(), 2L * k}, Initializer.constant(-1f));
        Operand<TInt32> rows = tf.dtypes.cast(tf.reshape(sample, tf.constant(new int[] {-1})), TInt32.class);
        Operand<TFloat32> mine = tf.gather(cache, rows, tf.constant(0));
        Operand<TFloat32> ids = tf.slice(mine, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, k}));
        Operand<TFloat32> w = tf.slice(mine, tf.constant(new int[] {0, k}), tf.constant(new int[] {-1, k}));
        var filled = tf.assertThat(tf.math.greaterEqual(tf.min(ids, tf.constant(new int[] {0, 1})), tf.constant(0f)),
                List.of(tf.constant("knn cache is empty: fill it with a store action from output 'computed' before training")));
        // position in the batch of every dataset row, -1 where the row is not in the batch
        Operand<TInt32> b = tf.reshape(tf.slice(tf.shape(rows), tf.constant(new int[] {0}), tf.constant(new int[] {1})), tf.constant(new int[0]));
        Operand<TInt32> where = tf.math.sub(tf.scatterNd(tf.expandDims(rows, tf.constant(1)),
                tf.range(tf.constant(1), tf.math.add(b, tf.constant(1)), tf.constant(1)), tf.constant(new int[] {ctx.samples()})),
                tf.constant(1));
        // the check must run before the gather, which fails on the empty cache's -1 ids with a less helpful message
        Operand<TFloat32> checked = tf.withControlDependencies(List.of(filled)).identity(ids);
        Operand<TInt32> pos = tf.gather(where, tf.dtypes.cast(checked, TInt32.class), tf.constant(0));
        Operand<TFloat32> present = tf.dtypes.cast(tf.math.greaterEqual(pos, tf.constant(0)), TFloat32.class);
        // an absent neighbour points at its own row with weight 0 (vcr ignores zero weights)
        Operand<TFloat32> own = tf.dtypes.cast(CanGraph.rows(tf, pos), TFloat32.class);
        Operand<TFloat32> index = tf.withControlDependencies(List.of(filled)).identity(
                tf.math.add(tf.math.mul(present, tf.dtypes.cast(pos, TFloat32.class)), tf.math.mul(tf.math.sub(tf.constant(1f), present), own)));
        Operand<TFloat32> weight = tf.math.mul(w, present);
        if (in.has("mask")) {
            Operand<TFloat32> m = tf.reshape(in.one("mask"), tf.constant(new int[] {-1}));
            Operand<TFloat32> theirs = tf.gather(m, tf.dtypes.cast(index, TInt32.class), tf.constant(0));
            weight = tf.math.mul(tf.math.mul(weight, theirs), in.one("mask"));
        }
        return Map.of("index", index, "weight", weight, "computed", computed);
    }

    /** Dataset rows of the neighbours: sample_index gathered at the batch positions. */
    private static Operand<TFloat32> ids(Ops tf, Operand<TFloat32> sample, Operand<TInt32> index) {
        return tf.gather(tf.reshape(sample, tf.constant(new int[] {-1})), index, tf.constant(0));
    }
}
