package org.mvclust.runtime.train;

import java.util.HashMap;
import java.util.Map;
import org.mvclust.runtime.graph.Flops;
import org.mvclust.runtime.graph.Model;
import org.tensorflow.proto.RunMetadata;

/** Counts the training steps' FLOPs: the first run of a step at a batch size is traced for its tensors' shapes. */
final class FlopCount implements StepListener {
    private final Map<String, Double> perRun = new HashMap<>();
    private double total;

    @Override
    public boolean trace(Model.Step step, int rows) {
        return !perRun.containsKey(key(step, rows));
    }

    @Override
    public void ran(Model.Step step, int rows, long nanos, RunMetadata metadata) {
        Double flops = perRun.get(key(step, rows));
        if (flops == null) {
            flops = (double) Flops.perRun(step.target(), rows, metadata == null ? Map.of() : Flops.shapes(metadata));
            perRun.put(key(step, rows), flops);
        }
        total += flops;
    }

    double total() {
        return total;
    }

    private static String key(Model.Step step, int rows) {
        return step.target().op().name() + "@" + rows;
    }
}
