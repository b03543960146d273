package org.mvclust.runtime.train;

import org.mvclust.runtime.graph.Model;
import org.tensorflow.proto.RunMetadata;

/** Watches training-step runs: may ask for a traced run and reads its metadata (FLOP counts, op times). */
public interface StepListener {
    /** Whether the next run of {@code step} on a batch of {@code rows} should be traced. */
    default boolean trace(Model.Step step, int rows) {
        return false;
    }

    /** After a run that took {@code nanos}; {@code metadata} is null unless the run was traced. */
    void ran(Model.Step step, int rows, long nanos, RunMetadata metadata);
}
