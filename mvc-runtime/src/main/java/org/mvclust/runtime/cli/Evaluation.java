package org.mvclust.runtime.cli;

import java.util.Map;
import java.util.function.Supplier;
import org.mvclust.runtime.eval.MetricSet;
import org.mvclust.runtime.train.TrainingListener;

/** Adds the metrics of the current clusters against the true classes to the history at evaluation epochs. */
public final class Evaluation implements TrainingListener {
    private final int[] truth;
    private final MetricSet metrics;

    public Evaluation(int[] truth, MetricSet metrics) {
        this.truth = truth;
        this.metrics = metrics;
    }

    /** With the built-in metrics. */
    public Evaluation(int[] truth) {
        this(truth, MetricSet.standard());
    }

    @Override
    public Map<String, Double> evaluate(Supplier<int[]> labels) {
        return metrics.all(truth, labels.get());
    }
}
