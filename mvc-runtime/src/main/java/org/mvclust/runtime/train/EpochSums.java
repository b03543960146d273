package org.mvclust.runtime.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** An epoch's loss sums: each loss averaged over the batches that ran it, {@code loss} (the step objectives) over all. */
final class EpochSums {
    private final Map<String, double[]> sums = new LinkedHashMap<>();
    private int batches;

    EpochSums() {
        sums.put("loss", new double[2]);
    }

    /** A loss value of one run; {@code objective} adds it to {@code loss} too. */
    void add(String name, double v, boolean objective) {
        double[] sum = sums.computeIfAbsent(name, k -> new double[2]);
        sum[0] += v;
        sum[1]++;
        if (objective) {
            sums.get("loss")[0] += v;
        }
    }

    void batchDone() {
        batches++;
    }

    int batches() {
        return batches;
    }

    Map<String, Double> means() {
        Map<String, Double> means = new LinkedHashMap<>();
        // with cycle, a step runs on a fraction of the batches
        sums.forEach((k, v) -> means.put(k, v[0] / (k.equals("loss") ? batches : v[1])));
        return means;
    }
}
