package org.mvclust.runtime.optim;

import java.util.ArrayList;
import java.util.List;
import org.mvclust.api.Optimizer;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * RMSProp as PyTorch and Keras write it, eps outside the root: TensorFlow's ApplyRMSProp takes sqrt(ms + eps), which
 * with eps = 1e-8 floors the denominator at 1e-4 and stalls small gradients.
 */
public final class RmsProp implements Optimizer {
    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public String description() {
        return "RMSProp with momentum, eps outside the root (PyTorch's form)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofDouble("lr", 1e-3, "learning rate"),
                ParamSpec.ofDouble("rho", 0.99, "decay of the mean square"),
                ParamSpec.ofDouble("eps", 1e-8, "added to the root of the mean square"),
                ParamSpec.ofDouble("momentum", 0.0, "momentum of the steps"));
    }

    @Override
    public Op apply(Ops tf, List<Trained> vars, Params p, Slots slots) {
        Operand<TFloat32> lr = tf.constant((float) p.getDouble("lr"));
        List<Op> updates = new ArrayList<>();
        Operand<TFloat32> rho = tf.constant((float) p.getDouble("rho"));
        Operand<TFloat32> keep = tf.constant((float) (1 - p.getDouble("rho")));
        Operand<TFloat32> eps = tf.constant((float) p.getDouble("eps"));
        Operand<TFloat32> momentum = tf.constant((float) p.getDouble("momentum"));
        for (Trained t : vars) {
            Operand<TFloat32> g = t.gradient();
            Operand<TFloat32> ms = slots.make(t.name() + ".ms", t.shape(), 0f);
            Operand<TFloat32> mom = slots.make(t.name() + ".mom", t.shape(), 0f);
            Operand<TFloat32> ms1 = tf.assign(ms, tf.math.add(tf.math.mul(rho, ms), tf.math.mul(keep, tf.math.square(g))));
            Operand<TFloat32> step = tf.math.div(tf.math.mul(lr, g), tf.math.add(tf.math.sqrt(ms1), eps));
            Operand<TFloat32> mom1 = tf.assign(mom, tf.math.add(tf.math.mul(momentum, mom), step));
            updates.add(tf.assignSub(t.variable(), mom1));
        }
        return tf.withControlDependencies(updates).noOp();
    }
}
