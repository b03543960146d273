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
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.linalg.TriangularSolve;
import org.tensorflow.types.TFloat32;

/**
 * SpectralNet's orthogonalisation layer as MvSCN's code has it: in training, L = chol(yᵀy + eps·I) of the batch and
 * out = y L⁻ᵀ, so that outᵀout ≈ I; L⁻¹ is computed without gradient (the gradient flows through y only) and kept
 * in state {@code ort}, which evaluation uses instead of the batch's own (the last training batch's, identity before).
 */
public final class OrthonormHead implements Head {
    public static final String NAME = "orthonorm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "orthogonalise the batch's outputs: y chol(yᵀy + eps·I)⁻ᵀ, the factor kept for evaluation (SpectralNet, MvSCN)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("x", "outputs to orthogonalise, samples × m"));
    }

    @Override
    public List<String> outputs() {
        return List.of("out");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofDouble("eps", 1e-3, "added to the diagonal of yᵀy before the Cholesky factorisation"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Operand<TFloat32> y = in.one("x");
        long m = y.shape().size(1);
        if (m < 1) {
            throw new IllegalArgumentException("input width unknown: orthonorm needs a fixed number of columns");
        }
        Ops tf = ctx.tf();
        float[][] eye = new float[(int) m][(int) m];
        for (int i = 0; i < m; i++) {
            eye[i][i] = 1f;
        }
        Operand<TFloat32> ys = tf.stopGradient(y);
        Operand<TFloat32> gram = tf.math.add(tf.linalg.matMul(ys, ys, MatMul.transposeA(true)),
                tf.math.mul(tf.constant((float) p.getDouble("eps")), tf.constant(eye)));
        Operand<TFloat32> batch = tf.stopGradient(tf.linalg.triangularSolve(tf.linalg.cholesky(gram), tf.constant(eye),
                TriangularSolve.lower(true)));
        Operand<TFloat32> kept = ctx.state("ort", new long[] {m, m}, (shape, rng) -> flat(eye));
        ctx.onTrainStep(tf.assign(kept, batch));
        Operand<TFloat32> on = tf.dtypes.cast(ctx.training(), TFloat32.class);
        Operand<TFloat32> ort = tf.math.add(tf.math.mul(on, batch), tf.math.mul(tf.math.sub(tf.constant(1f), on), kept));
        return Map.of("out", tf.linalg.matMul(y, ort, MatMul.transposeB(true)));
    }

    private static float[] flat(float[][] m) {
        float[] out = new float[m.length * m.length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * m.length, m.length);
        }
        return out;
    }
}
