package org.mvclust.losses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.CanGraph;
import org.mvclust.nn.Masks;
import org.mvclust.nn.Matrices;
import org.mvclust.nn.Reductions;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * BMvC's view-specific contrastive regularisation. A = cosine similarities of the rows of c; W = the view graph, or
 * (1 − mix)·view graph + mix·joint graph; pos = W, neg = 1 − W with zero diagonal;
 * loss = Σ(pos ⊙ (1 − A))² / (Σpos + eps) + Σ(neg ⊙ A)² / (Σneg + eps). diagonal=code sets pos's diagonal to 1 (what
 * the authors' in-place fill_diagonal_ does: nothing in the numerator, N in the denominator); zero sets it to 0.
 * The graphs are given either dense (ports graph, joint) or as kNN lists P (ports index, weight, joint_index,
 * joint_weight; e.g. from head knn), meaning the graph (P + Pᵀ)/2 + I as BMvC builds it: then no samples × samples
 * matrix is formed, and the sum of A² over all pairs comes from the K × K matrix cᵀc. With {@code mask}, the loss of the
 * samples having the view alone: rows of c, graph entries and pairs that involve an absent sample are left out.
 */
public final class VcrLoss implements Loss {
    public static final String NAME = "vcr";

    static final List<String> DIAGONALS = List.of("code", "zero");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "View-specific contrastive regularisation of cosine similarities towards affinity graphs (BMvC)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("c", "clustering indicator, samples × K"),
                Port.optional("graph", "dense view graph, samples × samples, entries in [0, 1] (or wire index, weight)"),
                Port.optional("joint", "dense joint graph, mixed in with weight mix (with graph)"),
                Port.optional("index", "view graph as neighbour lists: batch positions, samples × k (with weight)"),
                Port.optional("weight", "weights of the view graph's neighbours, samples × k"),
                Port.optional("joint_index", "joint graph as neighbour lists (with joint_weight), mixed in with weight mix"),
                Port.optional("joint_weight", "weights of the joint graph's neighbours"),
                Masks.VIEW_PORT);
    }

    @Override
    public List<String> outputs() {
        return List.of("loss", "pos", "neg");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofDouble("mix", 0.5, "weight of the joint graph when it is wired"),
                ParamSpec.ofChoice("diagonal", "code", DIAGONALS, "diagonal of the positive mask: code (1) or zero (0)"),
                ParamSpec.ofDouble("eps", 1e-4, "added to the mask sums in the denominators"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        String diagonal = p.getString("diagonal");
        if (!DIAGONALS.contains(diagonal)) {
            throw new IllegalArgumentException("diagonal must be one of " + DIAGONALS + ", got '" + diagonal + "'");
        }
        boolean lists = in.has("index") && in.has("weight");
        if (in.has("graph") == lists || in.has("joint") && !in.has("graph") || in.has("index") != in.has("weight")
                || in.has("joint_index") != in.has("joint_weight") || in.has("joint_index") && !lists) {
            throw new IllegalArgumentException("wire either graph (and optionally joint) or index and weight "
                    + "(and optionally joint_index and joint_weight)");
        }
        Ops tf = ctx.tf();
        Operand<TFloat32> c = in.one("c");
        Operand<TFloat32> cn = tf.math.mul(c, tf.math.rsqrt(tf.math.maximum(
                tf.sum(tf.math.mul(c, c), tf.constant(1), Sum.keepDims(true)), tf.constant(1e-24f))));
        Operand<TFloat32> mask = in.has("mask") ? in.one("mask") : null;
        if (mask != null) {
            cn = tf.math.mul(cn, mask);
        }
        Operand<TFloat32>[] parts = in.has("graph") ? dense(tf, in, p, cn, mask) : sparse(tf, in, p, cn, mask);
        Operand<TFloat32> eps = tf.constant((float) p.getDouble("eps"));
        Operand<TFloat32> pos = tf.math.div(parts[0], tf.math.add(parts[1], eps));
        Operand<TFloat32> neg = tf.math.div(parts[2], tf.math.add(parts[3], eps));
        return Map.of("loss", tf.math.add(pos, neg), "pos", pos, "neg", neg);
    }

    /** {pos numerator, Σpos, neg numerator, Σneg} from dense graphs. */
    @SuppressWarnings("unchecked")
    private static Operand<TFloat32>[] dense(Ops tf, Inputs in, Params p, Operand<TFloat32> cn, Operand<TFloat32> mask) {
        Operand<TFloat32> w = in.one("graph");
        if (in.has("joint")) {
            float mix = (float) p.getDouble("mix");
            w = tf.math.add(tf.math.mul(tf.constant(1 - mix), w), tf.math.mul(tf.constant(mix), in.one("joint")));
        }
        Operand<TFloat32> eye = Matrices.eye(tf, cn);
        Operand<TFloat32> off = tf.math.sub(tf.constant(1f), eye);
        if (mask != null) {
            Operand<TFloat32> both = Masks.pairs(tf, mask);
            eye = tf.math.mul(eye, both);
            off = tf.math.mul(off, both);
        }
        Operand<TFloat32> pos = tf.math.mul(w, off);
        if (p.getString("diagonal").equals("code")) {
            pos = tf.math.add(pos, eye);
        }
        Operand<TFloat32> neg = tf.math.mul(tf.math.sub(tf.constant(1f), w), off);
        Operand<TFloat32> a = tf.linalg.matMul(cn, cn, MatMul.transposeB(true));
        return new Operand[] {
                Reductions.total(tf, tf.math.square(tf.math.mul(pos, tf.math.sub(tf.constant(1f), a)))), Reductions.total(tf, pos),
                Reductions.total(tf, tf.math.square(tf.math.mul(neg, a))), Reductions.total(tf, neg)};
    }

    /**
     * The same sums with W = I + S, S = (1 − mix)(P + Pᵀ)/2 + mix (P_j + P_jᵀ)/2 held as a list of distinct
     * off-diagonal entries s_e (duplicates merged) and a_e the matching entries of A. Entries on the diagonal must
     * have weight 0.
     */
    @SuppressWarnings("unchecked")
    private static Operand<TFloat32>[] sparse(Ops tf, Inputs in, Params p, Operand<TFloat32> cn, Operand<TFloat32> mask) {
        float mix = in.has("joint_index") ? (float) p.getDouble("mix") : 0f;
        List<Operand<TInt64>> keys = new ArrayList<>();
        List<Operand<TFloat32>> weights = new ArrayList<>();
        Operand<TInt64> n = tf.dtypes.cast(tf.slice(tf.shape(cn), tf.constant(new int[] {0}), tf.constant(new int[] {1})), TInt64.class);
        Operand<TFloat32> m = mask == null ? null : tf.reshape(mask, tf.constant(new int[] {-1}));
        edges(tf, in.one("index"), in.one("weight"), (1 - mix) / 2, n, m, keys, weights);
        if (in.has("joint_index")) {
            edges(tf, in.one("joint_index"), in.one("joint_weight"), mix / 2, n, m, keys, weights);
        }
        var unique = tf.unique(tf.concat(keys, tf.constant(0)), tf.constant(new int[] {0}));
        Operand<TFloat32> w = tf.concat(weights, tf.constant(0));
        Operand<TFloat32> s = tf.math.unsortedSegmentSum(w, unique.idx(), tf.size(unique.y()));
        Operand<TInt32> row = tf.dtypes.cast(tf.math.floorDiv(unique.y(), n), TInt32.class);
        Operand<TInt32> col = tf.dtypes.cast(tf.math.floorMod(unique.y(), n), TInt32.class);
        Operand<TFloat32> a = tf.sum(tf.math.mul(tf.gather(cn, row, tf.constant(0)), tf.gather(cn, col, tf.constant(0))), tf.constant(1));
        Operand<TFloat32> diagA = tf.sum(tf.math.mul(cn, cn), tf.constant(1));
        Operand<TFloat32> one = tf.constant(1f);
        Operand<TFloat32> sumS = Reductions.total(tf, w);
        Operand<TFloat32> samples = m == null ? tf.dtypes.cast(n, TFloat32.class) : tf.reshape(tf.sum(m, tf.constant(0)), tf.constant(new int[] {1}));
        Operand<TFloat32> posNum = Reductions.total(tf, tf.math.square(tf.math.mul(s, tf.math.sub(one, a))));
        Operand<TFloat32> posSum = sumS;
        if (p.getString("diagonal").equals("code")) {
            Operand<TFloat32> self = tf.math.square(tf.math.sub(one, diagA));
            posNum = tf.math.add(posNum, Reductions.total(tf, m == null ? self : tf.math.mul(self, m)));
            posSum = tf.math.add(sumS, tf.reshape(samples, tf.constant(new int[0])));
        }
        Operand<TFloat32> gram = tf.linalg.matMul(cn, cn, MatMul.transposeA(true));
        Operand<TFloat32> offA2 = tf.math.sub(Reductions.total(tf, tf.math.square(gram)), Reductions.total(tf, tf.math.square(diagA)));
        Operand<TFloat32> a2 = tf.math.square(a);
        Operand<TFloat32> negNum = tf.math.sub(offA2,
                Reductions.total(tf, tf.math.mul(tf.math.sub(tf.math.mul(tf.constant(2f), s), tf.math.square(s)), a2)));
        Operand<TFloat32> pairs = tf.reshape(tf.math.mul(samples, tf.math.sub(samples, one)), tf.constant(new int[0]));
        return new Operand[] {posNum, posSum, negNum, tf.math.sub(pairs, sumS)};
    }

    /** Adds the entries of (P + Pᵀ)·scale as keys row·n + col and weights. */
    private static void edges(Ops tf, Operand<TFloat32> index, Operand<TFloat32> weight, float scale, Operand<TInt64> n,
                              Operand<TFloat32> mask, List<Operand<TInt64>> keys, List<Operand<TFloat32>> weights) {
        Operand<TInt32> idx = tf.dtypes.cast(tf.stopGradient(index), TInt32.class);
        Operand<TInt64> flatN = tf.reshape(n, tf.constant(new int[0]));
        Operand<TInt64> r = tf.reshape(tf.dtypes.cast(CanGraph.rows(tf, idx), TInt64.class), tf.constant(new int[] {-1}));
        Operand<TInt64> c = tf.reshape(tf.dtypes.cast(idx, TInt64.class), tf.constant(new int[] {-1}));
        Operand<TFloat32> w = tf.math.mul(tf.reshape(weight, tf.constant(new int[] {-1})), tf.constant(scale));
        if (mask != null) {
            // an entry counts only between two samples having the view
            Operand<TFloat32> both = tf.math.mul(tf.gather(mask, r, tf.constant(0)), tf.gather(mask, c, tf.constant(0)));
            w = tf.math.mul(w, both);
        }
        keys.add(tf.math.add(tf.math.mul(r, flatN), c));
        keys.add(tf.math.add(tf.math.mul(c, flatN), r));
        weights.add(w);
        weights.add(w);
    }
}
