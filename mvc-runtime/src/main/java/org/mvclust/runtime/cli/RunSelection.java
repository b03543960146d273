package org.mvclust.runtime.cli;

import java.util.List;
import java.util.Map;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.Names;
import org.mvclust.runtime.config.GraphSpec;

/**
 * Which of several runs to keep, by a criterion that never looks at labels: the lowest final training loss
 * ({@code min-loss}) or loss term ({@code min-loss:TERM}, e.g. the SiMVC framework's {@code ddc1}), or the highest
 * health measure: {@code stability} (mean ARI with the other runs' partitions), {@code knn-agreement},
 * {@code kmeans-agreement} (ARI with the reference k-means), or {@code health}: among the runs that use the most
 * clusters, the highest mean of kNN agreement and stability (the kNN score alone prefers coarser partitions).
 */
record RunSelection(String criterion, String term) {
    static final String FORMS = "min-loss (the final training loss), min-loss:TERM (the final value of loss TERM), "
            + "stability (the partition agreeing most with the other runs'), knn-agreement, kmeans-agreement, "
            + "or health (among the runs using the most clusters, the best mean of knn-agreement and stability)";
    private static final List<String> HEALTH = List.of("stability", "knn-agreement", "kmeans-agreement", "health");

    static RunSelection parse(String s) {
        if (s.equals("min-loss") || HEALTH.contains(s)) {
            return new RunSelection(s, null);
        }
        if (s.startsWith("min-loss:") && s.length() > "min-loss:".length()) {
            return new RunSelection("min-loss", s.substring("min-loss:".length()));
        }
        throw new ConfigException("--select '" + s + "': expected " + FORMS);
    }

    /** Fails before training when TERM is not a loss of the graph. */
    void check(GraphSpec spec) {
        if (term != null && !spec.losses().containsKey(term)) {
            throw new ConfigException("--select min-loss:" + term + ": " + Names.unknown("loss", term, spec.losses().keySet()));
        }
    }

    /** The value a run is ranked by, from what its metrics.json holds (with {@code health.run_agreement} added). */
    double value(Map<String, Object> run) {
        if (criterion.equals("min-loss")) {
            Object v = term == null ? run.get("final_loss") : ((Map<?, ?>) run.getOrDefault("final_losses", Map.of())).get(term);
            return number(v);
        }
        Map<?, ?> h = (Map<?, ?>) run.getOrDefault("health", Map.of());
        return switch (criterion) {
            case "stability" -> number(h.get("run_agreement"));
            case "knn-agreement" -> number(h.get("knn_agreement"));
            case "kmeans-agreement" -> number(h.get("kmeans_ari"));
            default -> (number(h.get("knn_agreement")) + number(h.get("run_agreement"))) / 2;
        };
    }

    /** Index of the best run (lowest loss, highest health measure); a NaN value never wins over a number. */
    int best(List<Map<String, Object>> runs) {
        double most = runs.stream().mapToDouble(r -> used(r)).max().orElse(0);
        int best = -1;
        for (int i = 0; i < runs.size(); i++) {
            if (criterion.equals("health") && used(runs.get(i)) < most) {
                continue;
            }
            double v = criterion.equals("min-loss") ? -value(runs.get(i)) : value(runs.get(i));
            double b = best < 0 ? Double.NaN : criterion.equals("min-loss") ? -value(runs.get(best)) : value(runs.get(best));
            if (best < 0 || v > b || Double.isNaN(b) && !Double.isNaN(v)) {
                best = i;
            }
        }
        return best;
    }

    String describe() {
        return switch (criterion) {
            case "min-loss" -> term == null ? "lowest final training loss" : "lowest final " + term;
            case "stability" -> "highest mean ARI with the other runs";
            case "knn-agreement" -> "highest kNN agreement";
            case "kmeans-agreement" -> "highest ARI with k-means";
            default -> "most clusters used, then highest mean of kNN agreement and stability";
        };
    }

    /** Clusters used, as a fraction of the clusters asked for where the map says how many (tune compares several k). */
    private static double used(Map<String, Object> run) {
        double used = number(((Map<?, ?>) run.getOrDefault("health", Map.of())).get("clusters_used"));
        double k = number(run.get("clusters"));
        return Double.isNaN(k) ? used : used / k;
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @Override
    public String toString() {
        return term == null ? criterion : "min-loss:" + term;
    }
}
