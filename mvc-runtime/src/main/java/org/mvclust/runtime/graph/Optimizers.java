package org.mvclust.runtime.graph;

import java.util.ArrayList;
import java.util.List;
import org.mvclust.runtime.config.GraphSpec.OptimizerSpec;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Adam and SGD from TensorFlow's fused update ops, RMSProp as PyTorch writes it; slot variables made by the builder. */
final class Optimizers {
    private Optimizers() {
    }

    /**
     * Update ops for one step. {@code slot} makes a zero- or value-initialised state variable (name, shape, value).
     * Returns the op that finishes the update (for Adam, after the beta powers advanced).
     */
    static Op apply(Ops tf, OptimizerSpec o, List<Operand<TFloat32>> vars, List<Operand<TFloat32>> grads,
                    List<long[]> shapes, List<String> names, SlotMaker slot) {
        Operand<TFloat32> lr = tf.constant((float) o.lr());
        List<Op> updates = new ArrayList<>();
        switch (o.type()) {
            case "adam" -> {
                Operand<TFloat32> b1 = tf.constant((float) o.beta1());
                Operand<TFloat32> b2 = tf.constant((float) o.beta2());
                Operand<TFloat32> b1p = slot.make("beta1_power", new long[0], (float) o.beta1());
                Operand<TFloat32> b2p = slot.make("beta2_power", new long[0], (float) o.beta2());
                for (int i = 0; i < vars.size(); i++) {
                    Operand<TFloat32> m = slot.make(names.get(i) + ".m", shapes.get(i), 0f);
                    Operand<TFloat32> v = slot.make(names.get(i) + ".v", shapes.get(i), 0f);
                    updates.add(tf.train.applyAdam(vars.get(i), m, v, b1p, b2p, lr, b1, b2,
                            tf.constant((float) o.eps()), grads.get(i)));
                }
                Ops after = tf.withControlDependencies(updates);
                return after.withControlDependencies(List.of(
                        after.assign(b1p, after.math.mul(b1p, b1)),
                        after.assign(b2p, after.math.mul(b2p, b2)))).noOp();
            }
            case "rmsprop" -> {
                // PyTorch's and Keras's form, eps outside the root: TensorFlow's ApplyRMSProp takes sqrt(ms + eps),
                // which with eps = 1e-8 floors the denominator at 1e-4 and stalls small gradients.
                Operand<TFloat32> rho = tf.constant((float) o.rho());
                Operand<TFloat32> keep = tf.constant((float) (1 - o.rho()));
                Operand<TFloat32> eps = tf.constant((float) o.eps());
                Operand<TFloat32> momentum = tf.constant((float) o.momentum());
                for (int i = 0; i < vars.size(); i++) {
                    Operand<TFloat32> g = grads.get(i);
                    Operand<TFloat32> ms = slot.make(names.get(i) + ".ms", shapes.get(i), 0f);
                    Operand<TFloat32> mom = slot.make(names.get(i) + ".mom", shapes.get(i), 0f);
                    Operand<TFloat32> ms1 = tf.assign(ms, tf.math.add(tf.math.mul(rho, ms), tf.math.mul(keep, tf.math.square(g))));
                    Operand<TFloat32> step = tf.math.div(tf.math.mul(lr, g), tf.math.add(tf.math.sqrt(ms1), eps));
                    Operand<TFloat32> mom1 = tf.assign(mom, tf.math.add(tf.math.mul(momentum, mom), step));
                    updates.add(tf.assignSub(vars.get(i), mom1));
                }
            }
            case "sgd" -> {
                for (int i = 0; i < vars.size(); i++) {
                    if (o.momentum() > 0) {
                        Operand<TFloat32> acc = slot.make(names.get(i) + ".acc", shapes.get(i), 0f);
                        updates.add(tf.train.applyMomentum(vars.get(i), acc, lr, grads.get(i), tf.constant((float) o.momentum())));
                    } else {
                        updates.add(tf.train.applyGradientDescent(vars.get(i), lr, grads.get(i)));
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown optimizer " + o.type());
        }
        return tf.withControlDependencies(updates).noOp();
    }

    /** Rescales gradients so that their joint L2 norm is at most {@code clip}. */
    static List<Operand<TFloat32>> clipByGlobalNorm(Ops tf, List<Operand<TFloat32>> grads, double clip) {
        List<Operand<TFloat32>> squares = new ArrayList<>();
        for (Operand<TFloat32> g : grads) {
            squares.add(tf.sum(tf.math.square(g), tf.range(tf.constant(0), tf.rank(g), tf.constant(1))));
        }
        Operand<TFloat32> norm = tf.math.sqrt(tf.math.addN(squares));
        Operand<TFloat32> c = tf.constant((float) clip);
        Operand<TFloat32> scale = tf.math.div(c, tf.math.maximum(norm, c));
        List<Operand<TFloat32>> out = new ArrayList<>();
        for (Operand<TFloat32> g : grads) {
            out.add(tf.math.mul(g, scale));
        }
        return out;
    }

    @FunctionalInterface
    interface SlotMaker {
        Operand<TFloat32> make(String name, long[] shape, float value);
    }

}
