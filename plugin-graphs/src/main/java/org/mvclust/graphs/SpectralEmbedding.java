package org.mvclust.graphs;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Matrices;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.SelfAdjointEig;
import org.tensorflow.types.TFloat32;

/**
 * The spectral embedding of an affinity matrix of the batch (samples × samples, symmetric, non-negative): the
 * eigenvectors of the m smallest eigenvalues of the normalised Laplacian I − D^-½ W D^-½ (degrees below 1e-9 raised to
 * 1e-9), as DeepMVC's spectral clustering computes before k-means. No gradient flows through it; evaluate it with the
 * whole dataset as one batch (the readout and store actions do).
 */
public final class SpectralEmbedding implements Head {
    public static final String NAME = "spectral_embedding";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "eigenvectors of the smallest eigenvalues of the normalised Laplacian of a batch affinity matrix";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("affinity", "symmetric non-negative affinity, samples × samples"));
    }

    @Override
    public List<String> outputs() {
        return List.of("out");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofInt("dims", 0, "eigenvectors kept; 0: the number of clusters"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        int m = p.getInt("dims") > 0 ? p.getInt("dims") : ctx.clusters();
        Ops tf = ctx.tf();
        Operand<TFloat32> w = tf.stopGradient(in.one("affinity"));
        Operand<TFloat32> deg = tf.math.maximum(tf.sum(w, tf.constant(1), Sum.keepDims(true)), tf.constant(1e-9f));
        Operand<TFloat32> s = tf.math.rsqrt(deg);
        Operand<TFloat32> normed = tf.math.mul(tf.math.mul(s, w), tf.linalg.transpose(s, tf.constant(new int[] {1, 0})));
        Operand<TFloat32> lap = tf.math.sub(Matrices.eye(tf, w), normed);
        SelfAdjointEig<TFloat32> eig = tf.linalg.selfAdjointEig(lap, SelfAdjointEig.computeV(true));
        Operand<TFloat32> vectors = tf.slice(eig.v(), tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, m}));
        return Map.of("out", tf.stopGradient(vectors));
    }
}
