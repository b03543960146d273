package org.mvclust.heads;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Initializer;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * DEC's soft assignment: q_ij ∝ (1 + ‖z_i − μ_j‖²/α)^(−(α+1)/2), rows normalised, with learnable centroids μ
 * (variable {@code mu}, clusters × features; a k-means action usually initialises it).
 */
public final class StudentTHead implements Head {
    public static final String NAME = "student_t";
    private static final List<String> ALIASES = List.of("studentt");

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
        return "Student-t soft assignment of z to learnable centroids mu (DEC)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("z", "embedding, samples × features"));
    }

    @Override
    public List<String> outputs() {
        return List.of("q");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofDouble("alpha", 1.0, "degrees of freedom of the Student-t kernel"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Operand<TFloat32> z = in.one("z");
        long d = Probabilities.width(z, "z");
        double alpha = p.getDouble("alpha");
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("alpha must be > 0, got " + alpha);
        }
        int k = ctx.clusters();
        Operand<TFloat32> mu = ctx.variable("mu", new long[] {k, d}, Initializer.glorot());
        Ops tf = ctx.tf();
        Operand<TFloat32> diff = tf.math.sub(tf.reshape(z, tf.constant(new long[] {-1, 1, d})),
                tf.reshape(mu, tf.constant(new long[] {1, k, d})));
        Operand<TFloat32> dist = tf.sum(tf.math.square(diff), tf.constant(2));
        Operand<TFloat32> logKernel = tf.math.mul(tf.constant((float) (-(alpha + 1) / 2)),
                tf.math.log1p(tf.math.div(dist, tf.constant((float) alpha))));
        return Map.of("q", Probabilities.normaliseRows(tf, tf.math.exp(logKernel)));
    }
}
