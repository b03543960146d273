package org.mvclust.runtime.graph;

import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A built method graph: one TensorFlow graph with the data held in variables, a batch-index placeholder, every named
 * tensor, the run's state variables, and one training op per phase step. Built once per run.
 */
public record Model(Graph graph, Placeholder<TInt32> index, PlaceholderWithDefault<TBool> training,
                    PlaceholderWithDefault<TInt64> noiseSeed, Map<String, Operand<TFloat32>> tensors,
                    Map<String, Operand<TFloat32>> losses, List<StateVar> state, List<StateVar> data,
                    Map<String, List<Step>> steps, Map<String, List<Action>> actions, Operand<TFloat32> readout)
        implements AutoCloseable {

    /** The op of one training step and the losses it reports, in the order of {@code lossNames}. */
    public record Step(Op target, List<String> lossNames, List<Operand<TFloat32>> lossValues) {
    }

    /** A whole-dataset operation run at the start of a phase ({@link StoreAction}, {@link KMeansAction}). */
    public interface Action {
        /** What the profile calls it. */
        String name();

        void run(ActionContext ctx);
    }

    @Override
    public void close() {
        graph.close();
    }
}
