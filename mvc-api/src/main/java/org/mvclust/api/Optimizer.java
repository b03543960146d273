package org.mvclust.api;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A parameter update rule for training steps (adam, sgd, ...): builds the update ops of one group of variables. */
public interface Optimizer extends Component {
    /**
     * Update ops for {@code vars} with its resolved {@code params}; {@code tf} already waits for every gradient of the
     * step. State such as moments is made through {@code slots}. Returns the op that completes the update.
     */
    Op apply(Ops tf, List<Trained> vars, Params params, Slots slots);

    /** A trained variable, its gradient, shape, and stable name (slot names start with it). */
    record Trained(Operand<TFloat32> variable, Operand<TFloat32> gradient, long[] shape, String name) {
    }

    /** Makes optimizer state: a variable filled with {@code value}, saved in checkpoints under its name. */
    @FunctionalInterface
    interface Slots {
        Operand<TFloat32> make(String name, long[] shape, float value);
    }
}
