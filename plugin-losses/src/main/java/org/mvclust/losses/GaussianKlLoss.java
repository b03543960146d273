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
import org.mvclust.nn.Masks;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The variational information-bottleneck compression term, KL of the encoder's Gaussian to the standard normal prior.
 * {@code analytic}: ½ Σ_d (μ² + σ² − 1 − log σ²), summed (or averaged) over the latent dimensions and averaged over the
 * batch. {@code sampled_softmax} (the DMIM lineage): with z the encoder's sample and p̃ ~ N(0, I) drawn each step,
 * the mean over all elements of softmax(p̃)·(log softmax(p̃) − log softmax(z)). With {@code capacity} C &gt; 0 the term is
 * Multi-VAE's |KL − C(t)| ({@link Capacity}). With {@code mask} wired, the batch mean runs over the samples having the
 * view only (each sample's term as above: its sum or mean over the latent dimensions; sampled_softmax: its mean).
 */
public final class GaussianKlLoss implements Loss {
    public static final String NAME = "gaussian_kl";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "KL divergence of a diagonal Gaussian (mu, sigma) to the standard normal (analytic, or DMIM's sampled softmax form)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("mu", "means, samples × d"), Port.one("sigma", "standard deviations (> 0), samples × d"),
                Port.optional("sample", "the encoder's sample, samples × d (form sampled_softmax)"), Masks.VIEW_PORT);
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> all = new ArrayList<>(List.of(
                ParamSpec.ofChoice("form", "analytic", List.of("analytic", "sampled_softmax"), "analytic (closed form) or sampled_softmax (DMIM lineage)"),
                ParamSpec.ofChoice("reduction", "sum", List.of("sum", "mean"), "analytic form over the latent dimensions: sum or mean (batch: always mean)")));
        all.addAll(Capacity.PARAMS);
        return all;
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        Operand<TFloat32> mu = in.one("mu");
        Operand<TFloat32> sigma = in.one("sigma");
        if (!mu.shape().isCompatibleWith(sigma.shape())) {
            throw new IllegalArgumentException("mu " + mu.shape() + " and sigma " + sigma.shape() + " differ");
        }
        Operand<TFloat32> mask = in.has("mask") ? in.one("mask") : null;
        Operand<TFloat32> kl = switch (p.getString("form")) {
            case "analytic" -> analytic(tf, mu, sigma, p.getString("reduction"), mask);
            case "sampled_softmax" -> {
                if (!in.has("sample")) {
                    throw new IllegalArgumentException("form sampled_softmax needs the encoder's sample on port 'sample'");
                }
                yield sampledSoftmax(ctx, in.one("sample"), mask);
            }
            default -> throw new IllegalArgumentException("form must be analytic or sampled_softmax, not '" + p.getString("form") + "'");
        };
        return Map.of("loss", Capacity.apply(ctx, kl, p.getDouble("capacity"), p));
    }

    private static Operand<TFloat32> analytic(Ops tf, Operand<TFloat32> mu, Operand<TFloat32> sigma, String reduction,
                                              Operand<TFloat32> mask) {
        Operand<TFloat32> var = tf.math.mul(sigma, sigma);
        Operand<TFloat32> terms = tf.math.sub(tf.math.add(tf.math.mul(mu, mu), var), tf.math.add(tf.constant(1f), tf.math.log(var)));
        Operand<TFloat32> perSample = switch (reduction) {
            case "sum" -> tf.sum(terms, tf.constant(1));
            case "mean" -> tf.math.mean(terms, tf.constant(1));
            default -> throw new IllegalArgumentException("reduction must be sum or mean, not '" + reduction + "'");
        };
        Operand<TFloat32> mean = mask == null ? tf.math.mean(perSample, tf.constant(0)) : Masks.presentMean(tf, perSample, mask);
        return tf.math.mul(tf.constant(0.5f), mean);
    }

    private static Operand<TFloat32> sampledSoftmax(BuildContext ctx, Operand<TFloat32> z, Operand<TFloat32> mask) {
        Ops tf = ctx.tf();
        long salt = tf.scope().makeOpName("prior").hashCode() * 0x9E3779B97F4A7C15L;
        Operand<TInt64> seed = tf.math.add(ctx.noiseSeed(), tf.constant(new long[] {salt, 0}));
        Operand<TFloat32> prior = tf.stopGradient(tf.random.statelessRandomNormal(tf.shape(z), seed));
        Operand<TFloat32> logPrior = tf.nn.logSoftmax(prior);
        Operand<TFloat32> terms = tf.math.mul(tf.math.exp(logPrior), tf.math.sub(logPrior, tf.nn.logSoftmax(z)));
        if (mask != null) {
            return Masks.presentMean(tf, tf.math.mean(terms, tf.constant(1)), mask);
        }
        return tf.math.mean(tf.reshape(terms, tf.constant(new long[] {-1})), tf.constant(0));
    }
}
