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

/** Adam from TensorFlow's fused ApplyAdam; the beta powers advance after the updates (ApplyAdam does not). */
public final class Adam implements Optimizer {
    @Override
    public String name() {
        return "adam";
    }

    @Override
    public String description() {
        return "Adam (Kingma & Ba), TensorFlow's fused update";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofDouble("lr", 1e-3, "learning rate"),
                ParamSpec.ofDouble("beta1", 0.9, "decay of the first moment"),
                ParamSpec.ofDouble("beta2", 0.999, "decay of the second moment"),
                ParamSpec.ofDouble("eps", 1e-7, "added to the root of the second moment"));
    }

    @Override
    public Op apply(Ops tf, List<Trained> vars, Params p, Slots slots) {
        return updates(tf, vars, p, slots);
    }

    /** Adam's updates in {@code tf}; {@link AdamW} runs them after its decay. */
    static Op updates(Ops tf, List<Trained> vars, Params p, Slots slots) {
        Operand<TFloat32> lr = tf.constant((float) p.getDouble("lr"));
        List<Op> updates = new ArrayList<>();
        Operand<TFloat32> b1 = tf.constant((float) p.getDouble("beta1"));
        Operand<TFloat32> b2 = tf.constant((float) p.getDouble("beta2"));
        Operand<TFloat32> b1p = slots.make("beta1_power", new long[0], (float) p.getDouble("beta1"));
        Operand<TFloat32> b2p = slots.make("beta2_power", new long[0], (float) p.getDouble("beta2"));
        for (Trained t : vars) {
            Operand<TFloat32> m = slots.make(t.name() + ".m", t.shape(), 0f);
            Operand<TFloat32> v = slots.make(t.name() + ".v", t.shape(), 0f);
            updates.add(tf.train.applyAdam(t.variable(), m, v, b1p, b2p, lr, b1, b2,
                    tf.constant((float) p.getDouble("eps")), t.gradient()));
        }
        Ops after = tf.withControlDependencies(updates);
        return after.withControlDependencies(List.of(
                after.assign(b1p, after.math.mul(b1p, b1)),
                after.assign(b2p, after.math.mul(b2p, b2)))).noOp();
    }
}
