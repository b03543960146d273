package org.mvclust.runtime.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The health of a run as printed at the end of {@code run} and {@code bench}, from its metrics.json map. */
final class HealthLines {
    private HealthLines() {
    }

    /** One line, e.g. {@code health:  clusters 3/10  size entropy 0.412  k-means ARI 0.120  NMI 0.301  kNN agreement 0.052}. */
    static String line(Map<String, Object> m) {
        Map<?, ?> h = (Map<?, ?>) m.getOrDefault("health", Map.of());
        if (h.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("health:  clusters " + h.get("clusters_used") + "/" + m.get("clusters"));
        append(sb, "size entropy", h.get("size_entropy"));
        append(sb, "k-means ARI", h.get("kmeans_ari"));
        append(sb, "NMI", h.get("kmeans_nmi"));
        append(sb, "kNN agreement", h.get("knn_agreement"));
        append(sb, "stability", h.get("stability"));
        return sb.toString();
    }

    /** The run's warnings, each as {@code warning: ...}. */
    static List<String> warnings(Map<String, Object> m) {
        Object w = m.get("warnings");
        return w instanceof List<?> l ? l.stream().map(x -> "warning: " + x).toList() : List.of();
    }

    private static void append(StringBuilder sb, String name, Object v) {
        if (v instanceof Number n) {
            sb.append(String.format(Locale.ROOT, "  %s %.3f", name, n.doubleValue()));
        }
    }
}
