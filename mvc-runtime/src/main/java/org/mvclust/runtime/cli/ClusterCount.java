package org.mvclust.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.eval.Stability;
import org.mvclust.runtime.report.ScorePlot;
import org.mvclust.runtime.train.Profile;

/**
 * {@code --clusters auto[:MIN-MAX]}: for each k, the method is trained on {@link #RUNS} subsamples of
 * {@link #FRACTION} of the samples (seeds SEED, SEED+1, ...), and k scores by its {@link Stability} normalised against
 * chance (Lange et al. 2004). Chosen: the largest k whose score is within {@link #SLACK} of the lowest, as Ben-Hur et al.
 * (2002) take the largest k before the partitions turn unstable (a smaller k that merges well-separated groups is often
 * as stable as the true one). Default range 2..min(20, N/10) (at least 2..3).
 */
record ClusterCount(int min, Integer max) {
    static final double FRACTION = 0.8;
    static final int RUNS = 4;
    static final int DEFAULT_MAX = 20;
    static final double SLACK = 0.05;

    /** Null for a number of clusters (or none given), else the range asked for. */
    static ClusterCount parse(String spec) {
        if (spec == null || !spec.startsWith("auto")) {
            return null;
        }
        if (spec.equals("auto")) {
            return new ClusterCount(2, null);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("auto:(\\d+)-(\\d+)").matcher(spec);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 2 || Integer.parseInt(m.group(2)) <= Integer.parseInt(m.group(1))) {
            throw new ConfigException("--clusters " + spec + ": expected a number, auto, or auto:MIN-MAX with 2 <= MIN < MAX");
        }
        return new ClusterCount(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** A whole number of clusters from {@code --clusters}, or null when it is absent or auto. */
    static Integer number(String spec) {
        if (spec == null || spec.startsWith("auto")) {
            return null;
        }
        try {
            return Integer.valueOf(spec.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("--clusters " + spec + ": expected a number, auto, or auto:MIN-MAX");
        }
    }

    int max(int samples) {
        int top = max != null ? max : Math.max(min + 1, Math.min(DEFAULT_MAX, samples / 10));
        int sub = (int) (FRACTION * samples);
        if (top > sub) {
            throw new ConfigException("--clusters auto: up to " + top + " clusters, but a subsample holds only " + sub + " samples");
        }
        return top;
    }

    /** Scores every k into {@code dir/clusters.csv} and {@code dir/clusters.svg} (runs under {@code dir/clusters-auto}) and returns the chosen k. */
    int choose(Experiment exp, long seed, Path dir, PrintStream log) throws Exception {
        int n = exp.data.samples();
        int top = max(n);
        int count = (int) (FRACTION * n);
        List<int[]> rows = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            rows.add(Stability.subsample(n, count, seed + r));
        }
        List<Map<String, Object>> table = new ArrayList<>();
        List<String> ks = new ArrayList<>();
        double[] score = new double[top - min + 1];
        int best = -1;
        for (int k = min; k <= top; k++) {
            List<int[]> labels = new ArrayList<>();
            double used = 0;
            for (int r = 0; r < RUNS; r++) {
                Path runDir = dir.resolve("clusters-auto").resolve("k" + k).resolve("run-" + r);
                Files.createDirectories(runDir);
                Map<String, Object> m = exp.with(rows.get(r), k, false).once(seed + r, runDir, null, new Profile());
                labels.add(Experiment.clusters(runDir.resolve("labels.csv")));
                used += ((Number) ((Map<?, ?>) m.get("health")).get("clusters_used")).doubleValue() / RUNS;
            }
            Stability.Score s = Stability.of(rows, labels, seed);
            score[k - min] = s.normalised();
            ks.add(String.valueOf(k));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("k", k);
            row.put("instability", s.instability());
            row.put("chance", s.chance());
            row.put("normalised", s.normalised());
            row.put("clusters_used", used);
            table.add(row);
            if (log != null) {
                log.printf(Locale.ROOT, "k %d: instability %.4f, chance %.4f, normalised %.4f%n", k, s.instability(), s.chance(), s.normalised());
            }
        }
        double lowest = java.util.Arrays.stream(score).filter(v -> !Double.isNaN(v)).min().orElse(0);
        for (int k = min; k <= top; k++) {
            if (score[k - min] <= lowest + SLACK || best < 0 && k == top) {
                best = k;
            }
        }
        for (Map<String, Object> row : table) {
            row.put("chosen", row.get("k").equals(best) ? 1 : 0);
        }
        Outputs.write(dir.resolve("clusters.csv"), Outputs.csv(table));
        ScorePlot.write(dir.resolve("clusters.svg"), "--clusters auto: instability over " + RUNS + " subsamples of "
                + (int) (100 * FRACTION) + "%, / chance (lower is better)", "k", "normalised instability", ks, score, best - min);
        return best;
    }
}
