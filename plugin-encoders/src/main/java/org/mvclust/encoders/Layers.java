package org.mvclust.encoders;

import org.mvclust.api.BuildContext;
import org.mvclust.api.Initializer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Dense layers and activations shared by the encoders and heads. */
public final class Layers {
    private Layers() {
    }

    /** x·W + b with W (in × out) He- or Glorot-initialised and b zero, or (torch) both uniform in ±1/sqrt(in). */
    public static Operand<TFloat32> dense(BuildContext ctx, String name, Operand<TFloat32> x, long out, String init) {
        long in = x.shape().size(1);
        if (in < 0) {
            throw new IllegalArgumentException(name + ": input width unknown");
        }
        boolean torch = "torch".equals(init);
        Initializer wInit = torch ? uniform(1 / Math.sqrt(in)) : "glorot".equals(init) ? Initializer.glorot() : Initializer.he();
        Operand<TFloat32> w = ctx.variable(name + ".w", new long[] {in, out}, wInit);
        Operand<TFloat32> b = ctx.variable(name + ".b", new long[] {out}, torch ? uniform(1 / Math.sqrt(in)) : Initializer.zeros());
        Ops tf = ctx.tf();
        return tf.nn.biasAdd(tf.linalg.matMul(x, w), b);
    }

    /** Applies an activation by name: relu, leaky_relu, sigmoid, tanh, elu, softplus, softmax, none. */
    public static Operand<TFloat32> activate(Ops tf, String name, Operand<TFloat32> x) {
        return switch (name) {
            case "relu" -> tf.nn.relu(x);
            case "leaky_relu" -> tf.nn.leakyRelu(x, org.tensorflow.op.nn.LeakyRelu.alpha(0.2f));
            case "sigmoid" -> tf.math.sigmoid(x);
            case "tanh" -> tf.math.tanh(x);
            case "elu" -> tf.nn.elu(x);
            case "softplus" -> tf.math.softplus(x);
            case "softmax" -> tf.nn.softmax(x);
            case "none", "linear" -> x;
            default -> throw new IllegalArgumentException("unknown activation '" + name + "' (relu, leaky_relu, sigmoid, tanh, elu, softplus, softmax, none)");
        };
    }

    public static final java.util.List<String> ACTIVATIONS =
            java.util.List.of("relu", "leaky_relu", "sigmoid", "tanh", "elu", "softplus", "softmax", "none");

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
