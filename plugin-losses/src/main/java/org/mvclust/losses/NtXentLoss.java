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
import org.mvclust.nn.FanIn;
import org.mvclust.nn.Masks;
import org.mvclust.nn.Matrices;
import org.mvclust.nn.Reductions;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * SimCLR's NT-Xent between views on l2-normalised rows, cosine similarity / tau.
 * negatives=all (DeepMVC's Contrast): Σ over view pairs u &lt; v of 2/(V(V−1)) · (CE_u + CE_v), where CE_u is the batch mean
 * of the cross-entropy of u's row i against [sim(u_i, v_j) for all j, sim(u_i, u_j) for j ≠ i] with the positive v_i.
 * negatives=sampled (mvc's CoMVC): for every sample of every view and every other view, the positive and
 * ratio·V·n negatives drawn with replacement from all views' samples whose predicted cluster (argmax of assignments)
 * differs from the anchor's; the mean cross-entropy over the V(V−1)n rows. A row without any such sample keeps only
 * its positive (loss 0).
 * With weights wired, the loss is multiplied by min(weights) without gradient (CoMVC's adaptive weight).
 * With mask wired, a sample contributes only the view pairs it has: negatives=all computes each pair's term on the
 * samples that have both views (anchors, positives and negatives), as if the batch held only those; negatives=sampled
 * takes anchors with both views and draws negatives among present sample-view pairs only.
 */
public final class NtXentLoss implements Loss {
    public static final String NAME = "nt_xent";
    private static final float LARGE = 1e9f;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "NT-Xent contrastive loss between views (SimCLR; DeepMVC's Contrast, or CoMVC's cluster-aware negative sampling)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.many("views", "one tensor per view, samples × D (equal D); l2-normalised here"),
                Port.optional("weights", "fusion weights (V); when wired the loss is scaled by their minimum, without gradient"),
                Port.optional("assignments", "soft cluster assignments, samples × K; needed by negatives=sampled"),
                Masks.VIEWS_PORT);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofDouble("tau", 0.1, "temperature dividing the cosine similarities"),
                ParamSpec.ofChoice("negatives", "all", List.of("all", "sampled"),
                        "all: every other sample of both views (DeepMVC); sampled: drawn from other predicted clusters (mvc's CoMVC)"),
                ParamSpec.ofDouble("ratio", 0.25, "negatives=sampled: ratio·V·batch negatives per positive pair"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        List<Operand<TFloat32>> views = new ArrayList<>();
        for (Operand<TFloat32> v : in.many("views")) {
            views.add(Reductions.l2NormalizeRows(tf, v, 1e-12f));
        }
        if (views.size() < 2) {
            throw new IllegalArgumentException("nt_xent needs at least two views, got " + views.size());
        }
        long width = views.get(0).shape().size(1);
        for (int v = 1; v < views.size(); v++) {
            if (views.get(v).shape().size(1) != width) {
                throw new IllegalArgumentException("nt_xent needs equal widths, view 0 has " + width + " and view " + v
                        + " has " + views.get(v).shape().size(1));
            }
        }
        double tau = p.getDouble("tau");
        if (!(tau > 0)) {
            throw new IllegalArgumentException("tau must be positive, got " + tau);
        }
        Operand<TFloat32> invTau = tf.constant((float) (1 / tau));
        List<Operand<TFloat32>> masks = in.has("mask") ? in.many("mask") : null;
        if (masks != null && masks.size() != views.size()) {
            throw new IllegalArgumentException("nt_xent has " + views.size() + " views but " + masks.size() + " masks");
        }
        Operand<TFloat32> loss;
        if (p.getString("negatives").equals("sampled")) {
            if (!in.has("assignments")) {
                throw new IllegalArgumentException("nt_xent with negatives=sampled needs the port 'assignments' wired");
            }
            loss = sampled(ctx, views, in.one("assignments"), invTau, p.getDouble("ratio"), masks);
        } else {
            loss = masks == null ? all(tf, views, invTau) : allMasked(tf, views, masks, invTau);
        }
        if (in.has("weights")) {
            loss = tf.math.mul(loss, tf.stopGradient(tf.min(in.one("weights"), tf.constant(0))));
        }
        return Map.of("loss", loss);
    }

    private static Operand<TFloat32> all(Ops tf, List<Operand<TFloat32>> z, Operand<TFloat32> invTau) {
        int m = z.size();
        List<Operand<TFloat32>> pairs = new ArrayList<>();
        for (int u = 0; u < m; u++) {
            for (int v = u + 1; v < m; v++) {
                pairs.add(tf.math.add(crossEntropy(tf, z.get(u), z.get(v), invTau), crossEntropy(tf, z.get(v), z.get(u), invTau)));
            }
        }
        return tf.math.mul(tf.constant(2f / (m * (m - 1))), FanIn.sum(tf, pairs));
    }

    /** As all, each view pair's term on the samples having both views (0 for a pair no sample of the batch has). */
    private static Operand<TFloat32> allMasked(Ops tf, List<Operand<TFloat32>> z, List<Operand<TFloat32>> masks,
                                               Operand<TFloat32> invTau) {
        int m = z.size();
        List<Operand<TFloat32>> pairs = new ArrayList<>();
        for (int u = 0; u < m; u++) {
            for (int v = u + 1; v < m; v++) {
                Operand<TFloat32> both = Masks.both(tf, masks.get(u), masks.get(v));
                pairs.add(tf.math.add(crossEntropy(tf, z.get(u), z.get(v), invTau, both),
                        crossEntropy(tf, z.get(v), z.get(u), invTau, both)));
            }
        }
        return tf.math.mul(tf.constant(2f / (m * (m - 1))), FanIn.sum(tf, pairs));
    }

    /** crossEntropy over the rows and columns where present ([batch, 1]) is 1: the mean over those anchors. */
    private static Operand<TFloat32> crossEntropy(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b, Operand<TFloat32> invTau,
                                                  Operand<TFloat32> present) {
        Operand<TFloat32> ab = tf.math.mul(tf.linalg.matMul(a, b, org.tensorflow.op.linalg.MatMul.transposeB(true)), invTau);
        Operand<TFloat32> aa = tf.math.mul(tf.linalg.matMul(a, a, org.tensorflow.op.linalg.MatMul.transposeB(true)), invTau);
        Operand<TFloat32> column = tf.reshape(present, tf.constant(new long[] {1, -1}));
        Operand<TFloat32> within = tf.math.mul(tf.math.sub(tf.constant(1f), Matrices.eye(tf, a)), column);
        Operand<TFloat32> logits = FanIn.concat(tf, List.of(ab, aa), 1);
        Operand<TFloat32> counts = tf.stopGradient(FanIn.concat(tf, List.of(tf.math.mul(tf.onesLike(ab), column), within), 1));
        Operand<TFloat32> pos = tf.math.mul(tf.sum(tf.math.mul(a, b), tf.constant(1)), invTau);
        return Masks.presentMean(tf, tf.math.sub(logSumExp(tf, logits, counts, true), pos), present);
    }

    /** Batch mean of the cross-entropy of a's rows against [a·bᵀ, a·aᵀ without the diagonal] / tau, positives a_i·b_i. */
    private static Operand<TFloat32> crossEntropy(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b, Operand<TFloat32> invTau) {
        Operand<TFloat32> ab = tf.math.mul(tf.linalg.matMul(a, b, org.tensorflow.op.linalg.MatMul.transposeB(true)), invTau);
        Operand<TFloat32> aa = tf.math.mul(tf.linalg.matMul(a, a, org.tensorflow.op.linalg.MatMul.transposeB(true)), invTau);
        Operand<TFloat32> eye = Matrices.eye(tf, a);
        Operand<TFloat32> logits = FanIn.concat(tf, List.of(ab, aa), 1);
        Operand<TFloat32> counts = tf.stopGradient(FanIn.concat(tf, List.of(tf.onesLike(ab), tf.math.sub(tf.constant(1f), eye)), 1));
        Operand<TFloat32> pos = tf.math.mul(tf.sum(tf.math.mul(a, b), tf.constant(1)), invTau);
        return tf.math.mean(tf.math.sub(logSumExp(tf, logits, counts), pos), tf.constant(0));
    }

    private static Operand<TFloat32> sampled(BuildContext ctx, List<Operand<TFloat32>> z, Operand<TFloat32> assignments,
                                             Operand<TFloat32> invTau, double ratio, List<Operand<TFloat32>> masks) {
        Ops tf = ctx.tf();
        int m = z.size();
        Operand<TFloat32> stacked = FanIn.concat(tf, z, 0);
        Operand<TInt64> cluster = tf.math.argMax(tf.stopGradient(assignments), tf.constant(1));
        Operand<TInt64> clusterAll = tf.tile(cluster, tf.constant(new int[] {m}));
        Operand<TInt32> total = tf.reshape(tf.slice(tf.shape(stacked), tf.constant(new int[] {0}), tf.constant(new int[] {1})),
                tf.constant(new int[0]));
        Operand<TInt32> draws = tf.dtypes.cast(tf.math.mul(tf.dtypes.cast(total, TFloat32.class), tf.constant((float) ratio)), TInt32.class);
        Operand<TFloat32> other = tf.dtypes.cast(tf.math.notEqual(tf.expandDims(cluster, tf.constant(1)),
                tf.expandDims(clusterAll, tf.constant(0))), TFloat32.class);
        if (masks != null) {
            other = tf.math.mul(other, tf.reshape(FanIn.concat(tf, masks, 0), tf.constant(new long[] {1, -1})));
        }
        List<Operand<TFloat32>> anchors = new ArrayList<>();
        Operand<TFloat32> candidates = tf.math.mul(tf.math.sub(other, tf.constant(1f)), tf.constant(LARGE));
        List<Operand<TFloat32>> rows = new ArrayList<>();
        int salt = 0;
        for (int a = 0; a < m; a++) {
            Operand<TFloat32> logits = tf.math.mul(tf.linalg.matMul(z.get(a), stacked,
                    org.tensorflow.op.linalg.MatMul.transposeB(true)), invTau);
            for (int b = 0; b < m; b++) {
                if (b == a) {
                    continue;
                }
                Operand<TInt64> seed = tf.math.add(ctx.noiseSeed(), tf.constant(new long[] {7919L * ++salt, 0}));
                Operand<TInt64> picked = tf.random.statelessMultinomial(candidates, draws, seed);
                Operand<TFloat32> counts = tf.stopGradient(tf.math.mul(other, tally(tf, picked, total)));
                Operand<TFloat32> pos = tf.expandDims(tf.math.mul(tf.sum(tf.math.mul(z.get(a), z.get(b)), tf.constant(1)), invTau),
                        tf.constant(1));
                Operand<TFloat32> all = FanIn.concat(tf, List.of(pos, logits), 1);
                Operand<TFloat32> weights = tf.stopGradient(FanIn.concat(tf, List.of(tf.onesLike(pos), counts), 1));
                rows.add(tf.math.sub(logSumExp(tf, all, weights), tf.squeeze(pos, org.tensorflow.op.core.Squeeze.axis(List.of(1L)))));
                if (masks != null) {
                    anchors.add(Masks.both(tf, masks.get(a), masks.get(b)));
                }
            }
        }
        if (masks != null) {
            return Masks.presentMean(tf, FanIn.concat(tf, rows, 0), FanIn.concat(tf, anchors, 0));
        }
        return tf.math.mean(FanIn.concat(tf, rows, 0), tf.constant(0));
    }

    /** counts[i][j]: how often row i of picked (rows × draws) holds j, for j &lt; width; by one segment sum. */
    private static Operand<TFloat32> tally(Ops tf, Operand<TInt64> picked, Operand<TInt32> width) {
        Operand<TInt64> w = tf.dtypes.cast(width, TInt64.class);
        Operand<TInt64> rows = tf.dtypes.cast(tf.reshape(tf.slice(tf.shape(picked), tf.constant(new int[] {0}),
                tf.constant(new int[] {1})), tf.constant(new int[0])), TInt64.class);
        Operand<TInt64> row = tf.expandDims(tf.range(tf.constant(0L), rows, tf.constant(1L)), tf.constant(1));
        Operand<TInt64> ids = tf.reshape(tf.math.add(tf.math.mul(row, w), picked), tf.constant(new long[] {-1}));
        Operand<TFloat32> ones = tf.fill(tf.shape(ids), tf.constant(1f));
        Operand<TFloat32> flat = tf.math.unsortedSegmentSum(ones, ids, tf.math.mul(rows, w));
        return tf.reshape(flat, tf.stack(List.of(tf.constant(-1L), w)));
    }

    static Operand<TFloat32> logSumExp(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> counts) {
        return logSumExp(tf, logits, counts, false);
    }

    /**
     * log Σ_j c_j exp(l_j) per row, over the columns with c_j &gt; 0, shifted by their maximum (held constant); with
     * emptyRows a row without any such column gives a finite value (log 1e-30) instead of −∞.
     */
    static Operand<TFloat32> logSumExp(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> counts, boolean emptyRows) {
        Operand<TFloat32> masked = tf.math.sub(logits, tf.math.mul(tf.dtypes.cast(tf.math.lessEqual(counts, tf.constant(0f)),
                TFloat32.class), tf.constant(LARGE)));
        Operand<TFloat32> shift = tf.stopGradient(tf.max(masked, tf.constant(1), org.tensorflow.op.core.Max.keepDims(true)));
        Operand<TFloat32> sum = tf.sum(tf.math.mul(counts, tf.math.exp(tf.math.sub(masked, shift))), tf.constant(1));
        if (emptyRows) {
            sum = tf.math.maximum(sum, tf.constant(1e-30f));
        }
        return tf.math.add(tf.math.log(sum), tf.squeeze(shift, org.tensorflow.op.core.Squeeze.axis(List.of(1L))));
    }
}
