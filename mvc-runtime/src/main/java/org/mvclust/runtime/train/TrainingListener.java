package org.mvclust.runtime.train;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tensorflow.Session;

/** Watches the epoch loop: evaluation (history columns at evaluation epochs) and whatever follows an epoch (checkpoints). */
public interface TrainingListener {
    /**
     * At an evaluation epoch (a phase's last, or every {@code evalEvery}): history columns computed from the run's
     * current cluster labels, which the readout computes once, on first use.
     */
    default Map<String, Double> evaluate(Supplier<int[]> labels) {
        return Map.of();
    }

    /** After each epoch, its history row recorded. */
    default void epochEnd(EpochEnd end) {
    }

    /**
     * The end of an epoch ({@code epoch} counts from 1, {@code last} of its phase) and where a resumed run would start:
     * {@code resumeExec}/{@code resumeEpoch} in the flattened schedule, described by {@code position}.
     */
    record EpochEnd(Session session, int epoch, boolean last, int resumeExec, int resumeEpoch, String position, long step,
                    List<Map<String, Object>> history, List<Map<String, Object>> steps) {
    }
}
