package org.mvclust.nn;

import org.mvclust.api.BuildContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;

/** Seeds for stateless random ops: the step's noise seed, salted with the block's scope so two blocks never draw alike. */
public final class Noise {
    private Noise() {
    }

    /** The step's [2] seed plus a salt from this block's scope and {@code name}. */
    public static Operand<TInt64> seed(BuildContext ctx, String name) {
        Ops tf = ctx.tf();
        long salt = tf.scope().makeOpName(name).hashCode() * 0x9E3779B97F4A7C15L;
        return tf.math.add(ctx.noiseSeed(), tf.constant(new long[] {salt, 0}));
    }
}
