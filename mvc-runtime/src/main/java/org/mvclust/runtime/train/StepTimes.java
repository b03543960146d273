package org.mvclust.runtime.train;

import java.util.HashMap;
import java.util.Map;
import org.mvclust.runtime.graph.Model;
import org.tensorflow.proto.RunMetadata;

/** Adds the training steps' time to the profile and, when asked for op times, traces runs 2 to 1 + TRACED_STEPS of each step. */
final class StepTimes implements StepListener {
    private final Profile profile;
    private final Map<String, Integer> runs = new HashMap<>();

    StepTimes(Profile profile) {
        this.profile = profile;
    }

    @Override
    public boolean trace(Model.Step step, int rows) {
        return opTimes(runs.getOrDefault(step.target().op().name(), 0) + 1);
    }

    @Override
    public void ran(Model.Step step, int rows, long nanos, RunMetadata metadata) {
        int n = runs.merge(step.target().op().name(), 1, Integer::sum);
        profile.add("training steps", nanos);
        if (opTimes(n) && metadata != null) {
            profile.addOps(metadata);
        }
    }

    private boolean opTimes(int run) {
        return profile.opTimes() && run > 1 && run <= 1 + Profile.TRACED_STEPS;
    }
}
