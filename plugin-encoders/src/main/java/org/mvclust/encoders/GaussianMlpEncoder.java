package org.mvclust.encoders;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Encoder;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.nn.Layers;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A variational MLP encoder: a trunk of hidden layers, then two linear heads giving the mean μ and standard deviation σ
 * of a diagonal Gaussian. {@code out} is the reparameterised sample μ + σ⊙ε (ε ~ N(0, I), fresh each training step)
 * while training and μ otherwise.
 */
public final class GaussianMlpEncoder implements Encoder {
    public static final String NAME = "gaussian_mlp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Variational MLP encoder: x -> hidden... -> (mu, sigma); out = mu + sigma*eps in training, mu in evaluation";
    }

    @Override
    public List<String> outputs() {
        return List.of("out", "mu", "sigma");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInts("hidden", List.of(512, 512, 256), "widths of the trunk's hidden layers"),
                ParamSpec.ofInt("out", 256, "latent width (of mu, sigma and out)"),
                ParamSpec.ofChoice("activation", "relu", Layers.ACTIVATIONS, "activation of the trunk layers"),
                ParamSpec.ofChoice("sigma", "softplus", List.of("softplus", "logvar"), "sigma from the second head s: softplus (softplus(s) + floor) or logvar (exp(s/2))"),
                ParamSpec.ofDouble("sigma_floor", 1e-7, "added to softplus(s) so that sigma > 0"),
                ParamSpec.ofDouble("sigma_shift", 0.0, "added to the head s before softplus/exp: negative starts sigma small (-5: softplus 0.007)"),
                ParamSpec.ofBoolean("eval_sample", false, "sample also in evaluation (out = mu when false)"),
                ParamSpec.ofChoice("init", "torch", Layers.INITS, "weight initialisation (torch: uniform in ±1/sqrt(fan_in))"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        String init = p.getString("init");
        Operand<TFloat32> h = in.one("x");
        List<Integer> hidden = p.getInts("hidden");
        for (int i = 0; i < hidden.size(); i++) {
            h = Layers.activate(tf, p.getString("activation"), Layers.dense(ctx, "l" + i, h, hidden.get(i), init));
        }
        int width = p.getInt("out");
        Operand<TFloat32> mu = Layers.dense(ctx, "mu", h, width, init);
        Operand<TFloat32> s = tf.math.add(Layers.dense(ctx, "s", h, width, init), tf.constant((float) p.getDouble("sigma_shift")));
        Operand<TFloat32> sigma = switch (p.getString("sigma")) {
            case "softplus" -> tf.math.add(tf.math.softplus(s), tf.constant((float) p.getDouble("sigma_floor")));
            case "logvar" -> tf.math.exp(tf.math.mul(tf.constant(0.5f), s));
            default -> throw new IllegalArgumentException("sigma must be softplus or logvar, not '" + p.getString("sigma") + "'");
        };
        // no gradient is defined for the random op (its shape input depends on mu): cut it off
        Operand<TFloat32> eps = tf.stopGradient(tf.random.statelessRandomNormal(tf.shape(mu), seed(ctx)));
        Operand<TFloat32> on = p.getBoolean("eval_sample") ? tf.constant(1f) : tf.dtypes.cast(ctx.training(), TFloat32.class);
        Operand<TFloat32> sample = tf.math.add(mu, tf.math.mul(on, tf.math.mul(sigma, eps)));
        return Map.of("out", sample, "mu", mu, "sigma", sigma);
    }

    /** The step's noise seed, salted with this block's scope so that two encoders never draw the same ε. */
    static Operand<TInt64> seed(BuildContext ctx) {
        Ops tf = ctx.tf();
        long salt = ctx.tf().scope().makeOpName("eps").hashCode() * 0x9E3779B97F4A7C15L;
        return tf.math.add(ctx.noiseSeed(), tf.constant(new long[] {salt, 0}));
    }
}
