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

/** Plain gradient descent, or with momentum through TensorFlow's ApplyMomentum. */
public final class Sgd implements Optimizer {
    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public String description() {
        return "stochastic gradient descent, optionally with momentum";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofDouble("lr", 1e-3, "learning rate"),
                ParamSpec.ofDouble("momentum", 0.0, "momentum (0: plain descent)"));
    }

    @Override
    public Op apply(Ops tf, List<Trained> vars, Params p, Slots slots) {
        Operand<TFloat32> lr = tf.constant((float) p.getDouble("lr"));
        List<Op> updates = new ArrayList<>();
        double momentum = p.getDouble("momentum");
        for (Trained t : vars) {
            if (momentum > 0) {
                Operand<TFloat32> acc = slots.make(t.name() + ".acc", t.shape(), 0f);
                updates.add(tf.train.applyMomentum(t.variable(), acc, lr, t.gradient(), tf.constant((float) momentum)));
            } else {
                updates.add(tf.train.applyGradientDescent(t.variable(), lr, t.gradient()));
            }
        }
        return tf.withControlDependencies(updates).noOp();
    }
}
