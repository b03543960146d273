package org.mvclust.encoders;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Encoder;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Whitening over the rows at hand: centred x times Σ^(-1/2), Σ = covariance + eps·I, so that the output has identity
 * covariance (up to the iteration's accuracy). Σ^(-1/2) by coupled Newton–Schulz iterations on Σ / tr Σ (as in IterNorm, Huang et
 * al. 2019): matrix products only, differentiable, d × d work. Like {@link Standardize} it uses the statistics of the rows
 * it is given (all samples for actions and readout, the batch in training). Rules out collapse to a point and to a
 * low-dimensional subspace.
 */
public final class Whiten implements Encoder {
    public static final String NAME = "whiten";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Decorrelates and standardises features over the rows at hand (Newton-Schulz inverse square root)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofInt("iterations", 15, "Newton–Schulz iterations (more whiten small-variance directions further)"),
                ParamSpec.ofDouble("eps", 1e-5, "added to the covariance's diagonal"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        return Map.of("out", whiten(ctx.tf(), in.one("x"), p.getInt("iterations"), p.getDouble("eps")));
    }

    static Operand<TFloat32> whiten(Ops tf, Operand<TFloat32> x, int iterations, double eps) {
        int d = (int) x.shape().size(1);
        if (d < 1) {
            throw new IllegalArgumentException("input width unknown");
        }
        float[][] eye = new float[d][d];
        for (int i = 0; i < d; i++) {
            eye[i][i] = 1f;
        }
        Operand<TFloat32> id = tf.constant(eye);
        Operand<TFloat32> xc = tf.math.sub(x, tf.math.mean(x, tf.constant(0), Mean.keepDims(true)));
        Operand<TFloat32> rows = tf.dtypes.cast(tf.gather(tf.shape(xc), tf.constant(0), tf.constant(0)), TFloat32.class);
        Operand<TFloat32> cov = tf.math.add(tf.math.div(tf.linalg.matMul(xc, xc, MatMul.transposeA(true)), rows),
                tf.math.mul(tf.constant((float) eps), id));
        // tr Σ = Σ_ij xc² / n + d·eps, without a diagonal op (MatrixDiagPart has no gradient here)
        Operand<TFloat32> trace = tf.math.add(tf.math.div(tf.sum(tf.reshape(tf.math.mul(xc, xc), tf.constant(new long[] {-1})),
                tf.constant(0)), rows), tf.constant((float) (d * eps)));
        Operand<TFloat32> norm = tf.math.div(cov, trace);
        // coupled iteration (Higham): Y → N^(1/2), Z → N^(-1/2); stable in float32 where IterNorm's P³N form is not
        Operand<TFloat32> y = norm;
        Operand<TFloat32> z = id;
        Operand<TFloat32> half = tf.constant(0.5f);
        Operand<TFloat32> three = tf.math.mul(tf.constant(3f), id);
        for (int k = 0; k < iterations; k++) {
            Operand<TFloat32> t = tf.math.mul(half, tf.math.sub(three, tf.linalg.matMul(z, y)));
            y = tf.linalg.matMul(y, t);
            z = tf.linalg.matMul(t, z);
        }
        Operand<TFloat32> invSqrt = tf.math.div(z, tf.math.sqrt(trace));
        return tf.linalg.matMul(xc, invSqrt);
    }
}
