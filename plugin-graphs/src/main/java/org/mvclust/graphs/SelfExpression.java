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
import org.mvclust.nn.Matrices;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * DMSC's self-expression layer: a trainable samples × samples coefficient matrix C over the whole dataset (initialised
 * to 1e-4, diagonal held at zero). For a batch, C_b is C's rows and columns at the batch's dataset rows, so with the
 * whole dataset as one batch it is C itself, in any order. Outputs {@code out} = C_b x (each row rebuilt from the
 * others), {@code coef} = C_b and {@code affinity} = (|C_b| + |C_b|ᵀ) / 2, DMSC's affinity for spectral clustering.
 */
public final class SelfExpression implements Head {
    public static final String NAME = "self_expression";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "DMSC self-expression: x ↦ C x with a trainable samples × samples coefficient matrix C, zero diagonal";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("x", "features, samples × d"),
                Port.one("sample_index", "dataset row of each batch row (the runtime's sample_index)"));
    }

    @Override
    public List<String> outputs() {
        return List.of("out", "coef", "affinity");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInt("max_samples", 10_000, "refuse datasets larger than this (C and its optimizer slots grow as samples²)"),
                ParamSpec.ofDouble("init", 1e-4, "initial value of every coefficient (DMSC's 1e-4)"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        int n = ctx.samples();
        int max = p.getInt("max_samples");
        if (n > max) {
            throw new IllegalArgumentException("the dataset has " + n + " samples, and the " + n + " × " + n
                    + " coefficient matrix is limited to max_samples = " + max + "; train on a subset (dataset option "
                    + "subset=3000, e.g. --dataset NAME:subset=3000) or raise max_samples");
        }
        Ops tf = ctx.tf();
        Operand<TFloat32> x = in.one("x");
        Operand<TFloat32> c = ctx.variable("C", new long[] {n, n}, Initializer.constant((float) p.getDouble("init")));
        Operand<TInt32> rows = tf.dtypes.cast(tf.reshape(in.one("sample_index"), tf.constant(new int[] {-1})), TInt32.class);
        Operand<TFloat32> block = tf.gather(tf.gather(c, rows, tf.constant(0)), rows, tf.constant(1));
        Operand<TFloat32> coef = tf.math.mul(block, tf.math.sub(tf.constant(1f), Matrices.eye(tf, x)));
        Operand<TFloat32> abs = tf.math.abs(coef);
        Operand<TFloat32> affinity = tf.math.mul(tf.constant(0.5f),
                tf.math.add(abs, tf.linalg.transpose(abs, tf.constant(new int[] {1, 0}))));
        return Map.of("out", tf.linalg.matMul(coef, x), "coef", coef, "affinity", affinity);
    }
}
