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

/** AdamW (Loshchilov & Hutter): each weight first shrinks by lr · weight_decay, then Adam's update follows. */
public final class AdamW implements Optimizer {
    @Override
    public String name() {
        return "adamw";
    }

    @Override
    public String description() {
        return "Adam with decoupled weight decay (Loshchilov & Hutter)";
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>(new Adam().params());
        p.add(ParamSpec.ofDouble("weight_decay", 0.01, "each step multiplies the weights by 1 - lr · weight_decay"));
        return p;
    }

    @Override
    public Op apply(Ops tf, List<Trained> vars, Params p, Slots slots) {
        Operand<TFloat32> keep = tf.constant((float) (1 - p.getDouble("lr") * p.getDouble("weight_decay")));
        List<Op> decays = new ArrayList<>();
        for (Trained t : vars) {
            decays.add(tf.assign(t.variable(), tf.math.mul(t.variable(), keep)));
        }
        return Adam.updates(tf.withControlDependencies(decays), vars, p, slots);
    }
}
