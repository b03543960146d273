package org.mvclust.runtime.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mvclust.runtime.report.ScorePlot;

/**
 * {@code mvclust tune}'s tables and plot: candidates.csv and candidates.md (a row per candidate: its settings, the
 * label-free measures and score, then, only when the data has labels, ACC and NMI, which the selection never reads)
 * and score.svg. {@code chosen} is -1 while the search is under way.
 */
record TuneTable(List<TuneCandidate> candidates, RunSelection select, int chosen) {
    private static final List<String> HEALTH = List.of("clusters_used", "size_entropy", "kmeans_ari", "kmeans_nmi", "knn_agreement");

    void write(Path dir) throws IOException {
        List<Map<String, Object>> rows = rows();
        Outputs.write(dir.resolve("candidates.csv"), Outputs.csv(rows));
        Outputs.write(dir.resolve("candidates.md"), markdown(rows));
        List<String> keys = keys();
        List<String> x = new ArrayList<>();
        for (TuneCandidate c : candidates) {
            x.add(keys.size() == 1 ? value(c, keys.get(0)) : c.label());
        }
        double[] score = rows.stream().mapToDouble(r -> r.get("score") instanceof Double d ? d : Double.NaN).toArray();
        ScorePlot.write(dir.resolve("score.svg"), "mvclust tune: " + select.describe(), keys.size() == 1 ? keys.get(0) : "candidate",
                "score (" + select + ")", x, score, chosen);
    }

    List<Map<String, Object>> rows() throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TuneCandidate c : candidates) {
            Map<String, Object> s = c.summary();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("candidate", c.index());
            for (String k : keys()) {
                row.put(k, value(c, k));
            }
            row.put("seeds", c.runs().size());
            row.put("clusters", s.get("clusters"));
            Map<?, ?> h = (Map<?, ?>) s.get("health");
            HEALTH.forEach(k -> row.put(k, h.get(k)));
            row.put("stability", h.get("run_agreement"));
            row.put("final_loss", s.get("final_loss"));
            if (select.term() != null) {
                row.put("final_" + select.term(), select.value(s));
            }
            row.put("score", select.value(s));
            row.put("selected", c.index() == chosen ? 1 : 0);
            c.labelMeans().forEach((k, v) -> row.put(k, v)); // labels: shown, never ranked
            rows.add(row);
        }
        return rows;
    }

    private String markdown(List<Map<String, Object>> rows) {
        StringBuilder md = new StringBuilder("# mvclust tune\n\nCandidates ranked by " + select.describe()
                + " (`" + select + "`, means over each candidate's seeds; stability = mean ARI between its seeds' partitions). "
                + "ACC and NMI, where the data has labels, are shown for reading only: the choice never reads them.\n\n");
        List<String> cols = new ArrayList<>(rows.isEmpty() ? List.of() : rows.get(0).keySet());
        cols.remove("selected");
        md.append("| ").append(String.join(" | ", cols)).append(" |\n|").append("---|".repeat(cols.size())).append('\n');
        for (Map<String, Object> r : rows) {
            boolean kept = Integer.valueOf(1).equals(r.get("selected"));
            md.append("|");
            for (String c : cols) {
                Object v = r.get(c);
                String t = v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(v);
                md.append(' ').append(kept ? "**" + t + "**" : t).append(" |");
            }
            md.append('\n');
        }
        if (chosen >= 0) {
            md.append("\nChosen (bold): candidate ").append(chosen).append(", ").append(candidates.get(chosen).label()).append(".\n");
        }
        return md.toString();
    }

    /** The searched keys, in the order of the first candidate. */
    private List<String> keys() {
        List<String> out = new ArrayList<>();
        for (String s : candidates.get(0).settings()) {
            out.add(s.substring(0, s.indexOf('=')));
        }
        return out;
    }

    private static String value(TuneCandidate c, String key) {
        return c.settings().stream().filter(s -> s.startsWith(key + "=")).map(s -> s.substring(key.length() + 1)).findFirst().orElse("");
    }
}
