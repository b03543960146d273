package org.mvclust.runtime.cli;

import java.util.Map;
import java.util.function.Supplier;
import org.mvclust.runtime.eval.Metrics;
import org.mvclust.runtime.train.TrainingListener;

/** Adds the metrics of the current clusters against the true classes to the history at evaluation epochs. */
public final class Evaluation implements TrainingListener {
    private final int[] truth;

    public Evaluation(int[] truth) {
        this.truth = truth;
    }

    @Override
    public Map<String, Double> evaluate(Supplier<int[]> labels) {
        return Metrics.all(truth, labels.get());
    }
}
