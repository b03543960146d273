package org.mvclust.api;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
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

    /** A variable that no optimizer trains (running statistics, fixed anchors); set by its updates or by actions. */
    Operand<TFloat32> state(String name, long[] shape, Initializer init);

    /** An op to run with every training step whose losses depend on this block (e.g. batch-norm moving averages). */
    void onTrainStep(Op update);

    /** True while a training step runs, false for evaluation (for dropout, batch norm, noise). */
    Operand<TBool> training();

    /** A fresh [2] seed for stateless random ops, different at every step and fixed by the run's seed. */
    Operand<TInt64> noiseSeed();

    /** The number of clusters K of this run. */
    int clusters();

    /** The number of samples N of the dataset (a batch may hold fewer). */
    int samples();

    /** An ODE solver by name (for heads that integrate a differential equation). */
    OdeSolver solver(String name);

    /**
     * A statistic of the batch (column ranges, means) that a trained model keeps: returns {@code ofBatch} while
     * training, and each {@code store} action that evaluates this block on all samples keeps its value in a state
     * variable of this shape, saved with the model; a graph labelling new samples (predict, export) returns the kept
     * value instead, so that a sample's output does not depend on the samples it is given with.
     */
    Operand<TFloat32> kept(String name, long[] shape, Operand<TFloat32> ofBatch);
}
