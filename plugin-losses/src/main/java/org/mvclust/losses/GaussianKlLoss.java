package org.mvclust.losses;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.Port;
import org.mvclust.api.Params;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * KL(N(μ, diag σ²) ‖ N(0, I)) = ½ Σ_d (μ² + σ² − 1 − log σ²), summed over the latent dimensions and averaged over the
 * batch (the variational information-bottleneck compression term).
 */
public final class GaussianKlLoss implements Loss {
    @Override
    public String name() {
        return "gaussian_kl";
    }

    @Override
    public String description() {
        return "KL divergence of a diagonal Gaussian (mu, sigma) to the standard normal: sum over dims, mean over samples";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("mu", "means, samples × d"), Port.one("sigma", "standard deviations (> 0), samples × d"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params params) {
        Ops tf = ctx.tf();
        Operand<TFloat32> mu = in.one("mu");
        Operand<TFloat32> sigma = in.one("sigma");
        if (!mu.shape().isCompatibleWith(sigma.shape())) {
            throw new IllegalArgumentException("mu " + mu.shape() + " and sigma " + sigma.shape() + " differ");
        }
        Operand<TFloat32> var = tf.math.mul(sigma, sigma);
        Operand<TFloat32> terms = tf.math.sub(tf.math.add(tf.math.mul(mu, mu), var), tf.math.add(tf.constant(1f), tf.math.log(var)));
        Operand<TFloat32> perSample = tf.sum(terms, tf.constant(1));
        return Map.of("loss", tf.math.mul(tf.constant(0.5f), tf.math.mean(perSample, tf.constant(0))));
    }
}
