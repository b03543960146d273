package org.mvclust.runtime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mvclust.runtime.eval.Health;

/**
 * One setting of {@code mvclust tune} trained with several seeds: its runs' metrics.json maps, and the summary that
 * {@link RunSelection} ranks (means over the seeds; {@code run_agreement} is the stability over them). Labels enter only
 * {@link #labelMeans}, which nothing ranks.
 */
record TuneCandidate(int index, List<String> settings, Path dir, List<Map<String, Object>> runs) {
    static final List<String> MEANS = List.of("clusters_used", "size_entropy", "kmeans_ari", "kmeans_nmi", "knn_agreement");

    /** What the selection reads: {@code clusters}, mean {@code final_loss} and {@code final_losses}, {@code health}. */
    Map<String, Object> summary() throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("clusters", runs.get(0).get("clusters"));
        s.put("final_loss", mean(runs.stream().map(r -> r.get("final_loss")).toList()));
        Map<String, List<Object>> terms = new TreeMap<>();
        for (Map<String, Object> r : runs) {
            ((Map<?, ?>) r.getOrDefault("final_losses", Map.of())).forEach((k, v) ->
                    terms.computeIfAbsent(k.toString(), x -> new ArrayList<>()).add(v));
        }
        Map<String, Object> finals = new LinkedHashMap<>();
        terms.forEach((k, v) -> finals.put(k, v.size() == runs.size() ? mean(v) : Double.NaN));
        s.put("final_losses", finals);
        Map<String, Object> h = new LinkedHashMap<>();
        for (String k : MEANS) {
            h.put(k, mean(runs.stream().map(r -> ((Map<?, ?>) r.getOrDefault("health", Map.of())).get(k)).toList()));
        }
        h.put("run_agreement", stability());
        s.put("health", h);
        return s;
    }

    /** Mean pairwise ARI between the seeds' partitions (NaN for one seed). */
    double stability() throws IOException {
        List<int[]> partitions = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            partitions.add(Experiment.clusters(dir.resolve("run-" + r).resolve("labels.csv")));
        }
        return Health.stability(partitions);
    }

    /** Mean over the seeds of each label metric (empty without labels). */
    Map<String, Double> labelMeans() {
        Map<String, List<Object>> by = new LinkedHashMap<>();
        for (Map<String, Object> r : runs) {
            ((Map<?, ?>) r.getOrDefault("metrics", Map.of())).forEach((k, v) ->
                    by.computeIfAbsent(k.toString(), x -> new ArrayList<>()).add(v));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        by.forEach((k, v) -> out.put(k, mean(v)));
        return out;
    }

    /** The resolved graph of the candidate's first run. */
    String graphYaml() throws IOException {
        return Files.readString(dir.resolve("run-0").resolve("graph.yaml"));
    }

    String label() {
        return settings.isEmpty() ? "(as given)" : String.join(" ", settings);
    }

    static double mean(List<?> values) {
        return values.stream().mapToDouble(v -> v instanceof Number n ? n.doubleValue() : Double.NaN).average().orElse(Double.NaN);
    }

    /** A directory name for the candidate: its index and settings, shortened. */
    static String dirName(int index, List<String> settings) {
        String s = String.join("_", settings).replaceAll("[^A-Za-z0-9_.=-]", "_");
        if (s.length() > 60) {
            s = s.substring(0, 50) + "-" + Integer.toHexString(String.join(" ", settings).hashCode());
        }
        return String.format("c%02d%s", index, s.isEmpty() ? "" : "-" + s);
    }
}
