package org.mvclust.nn;

import java.util.List;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Initializer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Dense layers, batch normalisation, activations and weight initialisations, by name. */
public final class Layers {
    private Layers() {
    }

    /** The weight initialisations {@link #dense} knows. */
    public static final List<String> INITS = List.of("he", "glorot", "torch", "fan_in_uniform");

    /**
     * x·W + b with W (in × out) He- or Glorot-initialised and b zero; (torch) both uniform in ±1/sqrt(in);
     * (fan_in_uniform) W uniform in ±1/sqrt(in) and b zero, as Keras' VarianceScaling(1/3, fan_in, uniform) used by
     * DEC's and SDMVC's autoencoders.
     */
    public static Operand<TFloat32> dense(BuildContext ctx, String name, Operand<TFloat32> x, long out, String init) {
        long in = x.shape().size(1);
        if (in < 0) {
            throw new IllegalArgumentException(name + ": input width unknown");
        }
        return weights(ctx, name, in, out, init).apply(ctx.tf(), x);
    }

    /** The weights of one dense layer, made once and applied to any number of inputs of its width. */
    public record Dense(Operand<TFloat32> w, Operand<TFloat32> b) {
        /** x·W + b. */
        public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
            return tf.nn.biasAdd(tf.linalg.matMul(x, w), b);
        }
    }

    /** Variables {@code name.w} (in × out) and {@code name.b} (out), initialised as {@link #dense} does. */
    public static Dense weights(BuildContext ctx, String name, long in, long out, String init) {
        if (in < 1 || out < 1 || in * out > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": a dense layer of " + in + " × " + out + " weights (each width must be "
                    + "at least 1 and the product at most " + Integer.MAX_VALUE + ")");
        }
        boolean torch = "torch".equals(init);
        Initializer wInit = switch (init) {
            case "torch", "fan_in_uniform" -> uniform(1 / Math.sqrt(in));
            case "glorot" -> Initializer.glorot();
            case "he" -> Initializer.he();
            default -> throw new IllegalArgumentException(name + ": unknown init '" + init + "' " + INITS);
        };
        Operand<TFloat32> w = ctx.variable(name + ".w", new long[] {in, out}, wInit);
        Operand<TFloat32> b = ctx.variable(name + ".b", new long[] {out}, torch ? uniform(1 / Math.sqrt(in)) : Initializer.zeros());
        return new Dense(w, b);
    }

    /**
     * Batch normalisation over the rows of x with a trainable scale and shift (as torch BatchNorm1d). While
     * {@code ctx.training()} is true it normalises with the batch mean and (biased) variance and registers a training-step
     * update of the moving averages (moving = (1 - momentum)·moving + momentum·batch, unbiased variance); otherwise it
     * normalises with the moving averages.
     */
    public static Operand<TFloat32> batchNorm(BuildContext ctx, String name, Operand<TFloat32> x, double momentum, double eps) {
        return batchNorm(ctx, name, x, momentum, eps, null);
    }

    /**
     * As {@link #batchNorm(BuildContext, String, Operand, double, double)} with the batch statistics taken over the rows
     * whose presence {@code mask} ([batch, 1], see {@link Masks}) is 1, as if the batch held those rows alone; the other
     * rows are normalised with the same statistics, and a batch without any present row leaves the moving averages as
     * they are. A null mask is the unmasked layer.
     */
    public static Operand<TFloat32> batchNorm(BuildContext ctx, String name, Operand<TFloat32> x, double momentum, double eps,
                                              Operand<TFloat32> mask) {
        long width = x.shape().size(1);
        if (width < 0) {
            throw new IllegalArgumentException(name + ": input width unknown");
        }
        Ops tf = ctx.tf();
        long[] shape = {width};
        Operand<TFloat32> gamma = ctx.variable(name + ".gamma", shape, Initializer.constant(1f));
        Operand<TFloat32> beta = ctx.variable(name + ".beta", shape, Initializer.zeros());
        Operand<TFloat32> movingMean = ctx.state(name + ".moving_mean", shape, Initializer.zeros());
        Operand<TFloat32> movingVar = ctx.state(name + ".moving_var", shape, Initializer.constant(1f));
        Operand<org.tensorflow.types.TInt32> rows = tf.constant(new int[] {0});
        Operand<TFloat32> mean;
        Operand<TFloat32> var;
        Operand<TFloat32> n;
        Operand<TFloat32> m;
        Operand<TFloat32> keep;
        if (mask == null) {
            mean = tf.math.mean(x, rows);
            var = tf.math.mean(tf.math.squaredDifference(x, mean), rows);
            n = tf.dtypes.cast(tf.gather(tf.shape(x), tf.constant(0), tf.constant(0)), TFloat32.class);
        } else {
            n = tf.sum(tf.reshape(mask, tf.constant(new long[] {-1})), tf.constant(0));
            Operand<TFloat32> count = tf.math.maximum(n, tf.constant(1f));
            mean = tf.math.div(tf.sum(tf.math.mul(x, mask), rows), count);
            var = tf.math.div(tf.sum(tf.math.mul(tf.math.squaredDifference(x, mean), mask), rows), count);
        }
        Operand<TFloat32> unbiased = tf.math.mul(var, tf.math.div(n, tf.math.maximum(tf.math.sub(n, tf.constant(1f)), tf.constant(1f))));
        if (mask == null) {
            m = tf.constant((float) momentum);
            keep = tf.constant((float) (1 - momentum));
        } else {
            m = tf.math.mul(tf.constant((float) momentum), tf.math.minimum(n, tf.constant(1f)));
            keep = tf.math.sub(tf.constant(1f), m);
        }
        ctx.onTrainStep(tf.assign(movingMean, tf.math.add(tf.math.mul(keep, movingMean), tf.math.mul(m, tf.stopGradient(mean)))));
        ctx.onTrainStep(tf.assign(movingVar, tf.math.add(tf.math.mul(keep, movingVar), tf.math.mul(m, tf.stopGradient(unbiased)))));
        Operand<TFloat32> on = tf.dtypes.cast(ctx.training(), TFloat32.class);
        Operand<TFloat32> off = tf.math.sub(tf.constant(1f), on);
        Operand<TFloat32> useMean = tf.math.add(tf.math.mul(on, mean), tf.math.mul(off, movingMean));
        Operand<TFloat32> useVar = tf.math.add(tf.math.mul(on, var), tf.math.mul(off, movingVar));
        Operand<TFloat32> scale = tf.math.mul(gamma, tf.math.rsqrt(tf.math.add(useVar, tf.constant((float) eps))));
        return tf.math.add(tf.math.mul(tf.math.sub(x, useMean), scale), beta);
    }

    /** Applies an activation by name: relu, leaky_relu (slope 0.2, or leaky_relu:SLOPE), sigmoid, tanh, elu, softplus, softmax, none (or linear). */
    public static Operand<TFloat32> activate(Ops tf, String name, Operand<TFloat32> x) {
        if (name.startsWith("leaky_relu:")) {
            return tf.nn.leakyRelu(x, org.tensorflow.op.nn.LeakyRelu.alpha(slope(name)));
        }
        return switch (name) {
            case "relu" -> tf.nn.relu(x);
            case "leaky_relu" -> tf.nn.leakyRelu(x, org.tensorflow.op.nn.LeakyRelu.alpha(0.2f));
            case "sigmoid" -> tf.math.sigmoid(x);
            case "tanh" -> tf.math.tanh(x);
            case "elu" -> tf.nn.elu(x);
            case "softplus" -> tf.math.softplus(x);
            case "softmax" -> tf.nn.softmax(x);
            case "none", "linear" -> x;
            default -> throw new IllegalArgumentException("unknown activation '" + name + "' (" + String.join(", ", ACTIVATIONS) + ")");
        };
    }

    private static float slope(String name) {
        String v = name.substring("leaky_relu:".length());
        try {
            float a = Float.parseFloat(v);
            if (a >= 0 && a < 1) {
                return a;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("activation '" + name + "': the slope after 'leaky_relu:' must be a number in [0, 1)");
    }

    public static final List<String> ACTIVATIONS =
            List.of("relu", "leaky_relu", "leaky_relu:SLOPE", "sigmoid", "tanh", "elu", "softplus", "softmax", "none", "linear");

    /** Uniform in ±limit (PyTorch's default for Linear weights and biases with limit 1/sqrt(fan_in)). */
    public static Initializer uniform(double limit) {
        return (shape, rng) -> {
            float[] v = new float[Initializer.size(shape)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((rng.nextDouble() * 2 - 1) * limit);
            }
            return v;
        };
    }
}
