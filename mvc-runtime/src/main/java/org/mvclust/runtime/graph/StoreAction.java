package org.mvclust.runtime.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.TensorRef;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The {@code store} action: evaluates tensors on all samples and assigns them to buffers or variables in one run; the
 * same run keeps the statistics of the blocks those tensors depend on ({@code keeps}).
 */
public record StoreAction(List<Op> assigns, List<Op> keeps) implements Model.Action {

    /** A kept statistic: the batch's value and the op that keeps it. */
    record Keeper(Operand<TFloat32> ofBatch, Op assign) {
    }

    /** Assign ops from each input to its target, shapes checked, and the keepers of statistics the inputs depend on. */
    static StoreAction build(Ops at, String where, TensorRef in, List<Operand<TFloat32>> inputs, List<StateVar> targets,
                             List<Keeper> keepers) {
        List<Op> assigns = new ArrayList<>();
        for (int j = 0; j < inputs.size(); j++) {
            StateVar dst = targets.get(j);
            Shape src = inputs.get(j).shape();
            for (int d = 0; d < Math.min(src.numDimensions(), dst.shape().length); d++) {
                long want = dst.shape()[d];
                long have = src.size(d);
                if (have >= 0 && have != want && !(d == 0 && have == -1)) {
                    throw new ConfigException(where + ": '" + in + "' has shape " + src + " but '"
                            + dst.name() + "' is " + Arrays.toString(dst.shape()));
                }
            }
            if (src.numDimensions() != dst.shape().length) {
                throw new ConfigException(where + ": '" + in + "' has rank " + src.numDimensions() + " but '"
                        + dst.name() + "' has rank " + dst.shape().length);
            }
            assigns.add(at.assign(dst.variable(), at.reshape(inputs.get(j), at.constant(dst.shape()))));
        }
        List<Op> keeps = new ArrayList<>();
        if (!keepers.isEmpty()) {
            Set<GraphOperation> read = new HashSet<>();
            inputs.forEach(t -> read.addAll(GraphWalk.ancestors(t, false)));
            keepers.stream().filter(k -> read.contains((GraphOperation) k.ofBatch().op())).forEach(k -> keeps.add(k.assign()));
        }
        return new StoreAction(List.copyOf(assigns), List.copyOf(keeps));
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public void run(ActionContext ctx) {
        List<Op> all = new ArrayList<>(assigns);
        all.addAll(keeps);
        ctx.runOnAll(all);
    }
}
