package org.mvclust.api;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** What the runtime gives a block while it builds: ops scoped to the block, variables, run-wide facts. */
public interface BuildContext {
    /** Ops whose names are scoped under this block's id. */
    Ops tf();

    /** A trainable variable owned by this block, initialised from the run's seed. */
    Operand<TFloat32> variable(String name, long[] shape, Initializer init);

    /** True while a training step runs, false for evaluation (for dropout, batch norm, noise). */
    Operand<TBool> training();

    /** A fresh [2] seed for stateless random ops, different at every step and fixed by the run's seed. */
    Operand<TInt64> noiseSeed();

    /** The number of clusters K of this run. */
    int clusters();

    /** An ODE solver by name (for heads that integrate a differential equation). */
    OdeSolver solver(String name);
}
