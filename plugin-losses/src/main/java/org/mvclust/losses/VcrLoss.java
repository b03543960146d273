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
import org.tensorflow.types.TFloat32;

/**
 * BMvC's view-specific contrastive regularisation. A = cosine similarities of the rows of c; W = graph, or
 * (1 − mix)·graph + mix·joint when joint is wired; pos = W, neg = 1 − W with zero diagonal;
 * loss = Σ(pos ⊙ (1 − A))² / (Σpos + eps) + Σ(neg ⊙ A)² / (Σneg + eps). diagonal=code sets pos's diagonal to 1 (what
 * the authors' in-place fill_diagonal_ does: nothing in the numerator, N in the denominator); zero sets it to 0.
 */
public final class VcrLoss implements Loss {
    static final List<String> DIAGONALS = List.of("code", "zero");

    @Override
    public String name() {
        return "vcr";
    }

    @Override
    public String description() {
        return "View-specific contrastive regularisation of cosine similarities towards an affinity graph (BMvC)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("c", "clustering indicator, samples × K"),
                Port.one("graph", "affinity graph of the batch, samples × samples, entries in [0, 1]"),
                Port.optional("joint", "a second graph (e.g. of the joint features), mixed in with weight mix"));
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofDouble("mix", 0.5, "weight of the joint graph when it is wired"),
                ParamSpec.ofString("diagonal", "code", "diagonal of the positive mask: code (1) or zero (0)"),
                ParamSpec.ofDouble("eps", 1e-4, "added to the mask sums in the denominators"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        String diagonal = p.getString("diagonal");
        if (!DIAGONALS.contains(diagonal)) {
            throw new IllegalArgumentException("diagonal must be one of " + DIAGONALS + ", got '" + diagonal + "'");
        }
        Operand<TFloat32> c = in.one("c");
        Operand<TFloat32> w = in.one("graph");
        if (in.has("joint")) {
            float mix = (float) p.getDouble("mix");
            w = tf.math.add(tf.math.mul(tf.constant(1 - mix), w), tf.math.mul(tf.constant(mix), in.one("joint")));
        }
        Operand<TFloat32> eye = Graphs.eye(tf, c);
        Operand<TFloat32> off = tf.math.sub(tf.constant(1f), eye);
        Operand<TFloat32> pos = tf.math.mul(w, off);
        if (diagonal.equals("code")) {
            pos = tf.math.add(pos, eye);
        }
        Operand<TFloat32> neg = tf.math.mul(tf.math.sub(tf.constant(1f), w), off);
        Operand<TFloat32> norm2 = tf.math.maximum(tf.sum(tf.math.mul(c, c), tf.constant(1), Sum.keepDims(true)), tf.constant(1e-24f));
        Operand<TFloat32> cn = tf.math.mul(c, tf.math.rsqrt(norm2));
        Operand<TFloat32> a = tf.linalg.matMul(cn, cn, org.tensorflow.op.linalg.MatMul.transposeB(true));
        Operand<TFloat32> eps = tf.constant((float) p.getDouble("eps"));
        Operand<TFloat32> posLoss = tf.math.div(Graphs.total(tf, tf.math.square(tf.math.mul(pos, tf.math.sub(tf.constant(1f), a)))),
                tf.math.add(Graphs.total(tf, pos), eps));
        Operand<TFloat32> negLoss = tf.math.div(Graphs.total(tf, tf.math.square(tf.math.mul(neg, a))),
                tf.math.add(Graphs.total(tf, neg), eps));
        return Map.of("loss", tf.math.add(posLoss, negLoss), "pos", posLoss, "neg", negLoss);
    }

    @Override
    public List<String> outputs() {
        return List.of("loss", "pos", "neg");
    }
}
