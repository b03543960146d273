package org.mvclust.runtime.graph;

import java.util.List;
import org.mvclust.api.Matrix;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/** What an action may do in the run's session: evaluate on all samples, run ops with all samples fed, read and write variables. */
public interface ActionContext {
    /** A tensor evaluated on all samples, in evaluation mode. */
    Matrix evaluate(Operand<TFloat32> tensor);

    /** Runs the ops with every sample as the batch. */
    void runOnAll(List<Op> targets);

    float[] read(StateVar v);

    void assign(StateVar v, float[] values);

    int samples();

    /** A seed for the action's j-th random stream, a function of the run's seed and the phase's place in the schedule. */
    long seed(int j);
}
