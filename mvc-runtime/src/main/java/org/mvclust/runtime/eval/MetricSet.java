package org.mvclust.runtime.eval;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mvclust.api.Metric;

/**
 * The one list of metrics a run reports (metrics.json, history.csv, plots, bench tables): acc, nmi, ari, purity,
 * fscore, then those of plugins by name.
 */
public final class MetricSet {
    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    @Inject
    public MetricSet(Map<String, Metric> available) {
        for (String name : Metrics.NAMES) {
            if (available.containsKey(name)) {
                metrics.put(name, available.get(name));
            }
        }
        new TreeMap<>(available).forEach(metrics::putIfAbsent);
    }

    /** The built-in metrics only. */
    public static MetricSet standard() {
        return new MetricSet(Map.of("acc", new StandardMetrics.Acc(), "nmi", new StandardMetrics.Nmi(),
                "ari", new StandardMetrics.Ari(), "purity", new StandardMetrics.Purity(), "fscore", new StandardMetrics.Fscore()));
    }

    public List<String> names() {
        return new ArrayList<>(metrics.keySet());
    }

    /** Every metric of {@code labels} against {@code truth}, in order. */
    public Map<String, Double> all(int[] truth, int[] labels) {
        Map<String, Double> out = new LinkedHashMap<>();
        metrics.forEach((name, m) -> out.put(name, m.score(truth, labels)));
        return out;
    }
}
