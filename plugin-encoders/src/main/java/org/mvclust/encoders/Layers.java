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

    /** x·W + b with W (in × out) He- or Glorot-initialised and b zero. */
    public static Operand<TFloat32> dense(BuildContext ctx, String name, Operand<TFloat32> x, long out, String init) {
        long in = x.shape().size(1);
        if (in < 0) {
            throw new IllegalArgumentException(name + ": input width unknown");
        }
        Initializer wInit = "glorot".equals(init) ? Initializer.glorot() : Initializer.he();
        Operand<TFloat32> w = ctx.variable(name + ".w", new long[] {in, out}, wInit);
        Operand<TFloat32> b = ctx.variable(name + ".b", new long[] {out}, Initializer.zeros());
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
}
