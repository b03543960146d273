package org.mvclust.heads;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Noise;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Multi-VAE's discrete (concrete) latent: while training, the Gumbel-softmax sample softmax((log(p + eps) + g) / T)
 * with g = −log(−log(u + eps) + eps), u ~ U[0, 1) drawn afresh each step from the run's seed; in evaluation the one-hot
 * of argmax p. {@code gumbel} is the step's g (zero in evaluation).
 */
public final class GumbelSoftmaxHead implements Head {
    public static final String NAME = "gumbel_softmax";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Gumbel-softmax (concrete) sample of categorical p with temperature while training, one-hot argmax in evaluation";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("p", "probabilities, samples × K"));
    }

    @Override
    public List<String> outputs() {
        return List.of("out", "gumbel");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofDouble("temperature", 0.67, "temperature T of the softmax (Multi-VAE: 0.67)"),
                ParamSpec.ofDouble("eps", 1e-12, "added inside the logarithms"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        Operand<TFloat32> a = in.one("p");
        long k = a.shape().numDimensions() == 2 ? a.shape().size(1) : -1;
        double t = p.getDouble("temperature");
        if (k < 1) {
            throw new IllegalArgumentException("p must be samples × K with a known K, not " + a.shape());
        }
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("temperature must be positive, not " + t);
        }
        Operand<TFloat32> eps = tf.constant((float) p.getDouble("eps"));
        Operand<TFloat32> on = tf.dtypes.cast(ctx.training(), TFloat32.class);
        Operand<TFloat32> u = tf.stopGradient(tf.random.statelessRandomUniform(tf.shape(a), Noise.seed(ctx, "u")));
        Operand<TFloat32> g = tf.math.mul(on, tf.math.neg(tf.math.log(tf.math.add(tf.math.neg(tf.math.log(tf.math.add(u, eps))), eps))));
        Operand<TFloat32> soft = tf.nn.softmax(tf.math.div(tf.math.add(tf.math.log(tf.math.add(a, eps)), g), tf.constant((float) t)));
        // argmax and one-hot have no gradient: cut both off
        Operand<TFloat32> hard = tf.stopGradient(tf.oneHot(tf.math.argMax(tf.stopGradient(a), tf.constant(1)), tf.constant((int) k),
                tf.constant(1f), tf.constant(0f)));
        Operand<TFloat32> out = tf.math.add(tf.math.mul(on, soft), tf.math.mul(tf.math.sub(tf.constant(1f), on), hard));
        return Map.of("out", out, "gumbel", g);
    }
}
