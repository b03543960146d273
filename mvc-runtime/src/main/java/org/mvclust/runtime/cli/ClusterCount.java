package org.mvclust.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.eval.Eigengap;
import org.mvclust.runtime.eval.GapStatistic;
import org.mvclust.runtime.eval.Separation;
import org.mvclust.runtime.eval.Silhouette;
import org.mvclust.runtime.eval.Stability;
import org.mvclust.runtime.report.ScorePlot;
import org.mvclust.runtime.train.Profile;

/**
 * {@code --clusters auto[:MIN-MAX][,criterion=NAME]}. {@code stability} and {@code silhouette}: for each k, the method
 * is trained on {@link #RUNS} subsamples of {@link #FRACTION} of the samples (seeds SEED, SEED+1, ...); stability scores
 * k by its {@link Stability} normalised against chance (Lange et al. 2004) and chooses the largest k whose score is
 * within {@link #SLACK} of the lowest (Ben-Hur et al. 2002: the largest k before the partitions turn unstable);
 * silhouette chooses the k of the highest mean {@link Silhouette} of the subsamples' partitions, calinski_harabasz and
 * davies_bouldin the k of the best mean {@link Separation} index of the same partitions. {@code eigengap} and
 * {@code eigengap_local} train nothing: the largest gap of a normalised Laplacian's spectrum ({@link Eigengap}); nor
 * does {@code gap} ({@link GapStatistic}, k-means on the views, uniform references), the default, chosen on real datasets
 * not among the benchmarks' ({@code benchmarks/tune/clusters-auto/rule-3.md}), nor {@code gap_pca} (references uniform
 * over the principal components' box). Default range 2..min(20, N/10) (at least 2..3).
 */
record ClusterCount(int min, Integer max, Criterion criterion) {
    static final double FRACTION = 0.8;
    static final int RUNS = 4;
    static final int DEFAULT_MAX = 20;
    static final double SLACK = 0.05;

    /** How k is chosen, and what clusters.svg plots for it. */
    enum Criterion {
        STABILITY("the largest k within " + SLACK + " of the lowest instability / chance",
                "instability over " + RUNS + " subsamples of " + (int) (100 * FRACTION) + "%, / chance (lower is better)"),
        SILHOUETTE("the highest mean silhouette",
                "mean silhouette over " + RUNS + " subsamples of " + (int) (100 * FRACTION) + "% (higher is better)"),
        CALINSKI_HARABASZ("the highest mean Calinski-Harabasz index",
                "mean Calinski-Harabasz index over " + RUNS + " subsamples of " + (int) (100 * FRACTION) + "% (higher is better)"),
        DAVIES_BOULDIN("the lowest mean Davies-Bouldin index",
                "mean Davies-Bouldin index over " + RUNS + " subsamples of " + (int) (100 * FRACTION) + "% (lower is better)"),
        EIGENGAP("the largest eigengap of the views' mean kNN graph",
                "eigengap after the k-th eigenvalue of the normalised Laplacian (higher is better)"),
        EIGENGAP_LOCAL("the largest eigengap of the views' mean self-tuning affinity",
                "eigengap after the k-th eigenvalue of the self-tuning affinity's normalised Laplacian (higher is better)"),
        GAP("the smallest k whose gap statistic is at least the next k's less its standard error",
                "gap statistic of k-means, " + GapStatistic.REFERENCES + " uniform reference sets"),
        GAP_PCA("the smallest k whose gap statistic (principal-component reference) is at least the next k's less its standard error",
                "gap statistic of k-means, " + GapStatistic.REFERENCES + " reference sets uniform over the principal components' box");

        final String rule;
        final String plotted;

        Criterion(String rule, String plotted) {
            this.rule = rule;
            this.plotted = plotted;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether it trains the method on subsamples (the others read the preprocessed views only). */
        boolean trains() {
            return this != EIGENGAP && this != EIGENGAP_LOCAL && !gap();
        }

        boolean gap() {
            return this == GAP || this == GAP_PCA;
        }
    }

    /** Null for a number of clusters (or none given), else the range and criterion asked for. */
    static ClusterCount parse(String spec) {
        if (spec == null || !spec.startsWith("auto")) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("auto(?::(\\d+)-(\\d+))?(?:,criterion=([a-z_]+))?").matcher(spec);
        if (!m.matches() || m.group(1) != null && (Integer.parseInt(m.group(1)) < 2 || Integer.parseInt(m.group(2)) <= Integer.parseInt(m.group(1)))) {
            throw new ConfigException("--clusters " + spec + ": expected a number, auto, or auto:MIN-MAX with 2 <= MIN < MAX, "
                    + "optionally followed by ,criterion=" + String.join("|", Arrays.stream(Criterion.values()).map(Criterion::label).toList()));
        }
        Criterion c = Criterion.GAP; // benchmarks/tune/clusters-auto/rule-3.md
        if (m.group(3) != null) {
            c = Arrays.stream(Criterion.values()).filter(x -> x.label().equals(m.group(3))).findFirst().orElseThrow(() -> new ConfigException(
                    "--clusters " + spec + ": unknown criterion '" + m.group(3) + "'; expected one of "
                            + String.join(", ", Arrays.stream(Criterion.values()).map(Criterion::label).toList())));
        }
        return m.group(1) == null ? new ClusterCount(2, null, c) : new ClusterCount(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), c);
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
        if (samples <= Eigengap.NEIGHBOURS || top >= Eigengap.MAX_SAMPLES) {
            throw new ConfigException("--clusters auto: the eigengap needs more than " + Eigengap.NEIGHBOURS + " samples and at most "
                    + (Eigengap.MAX_SAMPLES - 1) + " clusters; got " + samples + " samples, up to " + top + " clusters");
        }
        return top;
    }

    /** A warning when k is an end of the range, where a criterion that keeps rising or falling stops; else null. */
    String atEnd(int k, int samples) {
        int top = max(samples);
        if (k != min && k != top) {
            return null;
        }
        return "warning: --clusters auto chose " + k + ", the " + (k == top ? "largest" : "smallest") + " k of " + min + ".." + top
                + ": the criterion may not have settled there; see its scores in clusters.csv (both eigengaps' picks are there too), "
                + (k == top ? "widen the range (auto:" + min + "-" + 2 * top + ")" : "raise its start (auto:" + (min + 1) + "-" + top + ")")
                + " or try another criterion (criterion=" + String.join("|", Arrays.stream(Criterion.values()).filter(c -> c != criterion)
                        .map(Criterion::label).toList()) + ")";
    }

    /** How k was chosen, for the run's output. */
    String describe(int samples) {
        return "auto, " + min + ".." + max(samples) + ", " + criterion.label() + ": " + criterion.rule;
    }

    /**
     * Scores every k into {@code dir/clusters.csv} and {@code dir/clusters.svg} (runs under {@code dir/clusters-auto})
     * and returns the chosen k. Both eigengaps are always written, the gap statistic when asked for, and with a criterion
     * that trains, every training criterion's score and choice too.
     */
    int choose(Experiment exp, long seed, Path dir, PrintStream log) throws Exception {
        int n = exp.data.samples();
        int top = max(n);
        Eigengap.Spectra spectra = Eigengap.spectra(exp.data.views());
        double[] spectrum = spectra.knn();
        double[] local = spectra.local();
        GapStatistic.Score gap = !criterion.gap() ? null : GapStatistic.of(exp.data.views(), min, top, seed,
                criterion == Criterion.GAP ? GapStatistic.Reference.UNIFORM : GapStatistic.Reference.PCA, log);
        List<Map<String, Object>> table = new ArrayList<>();
        for (int k = min; k <= top; k++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("k", k);
            row.put("eigenvalue", spectrum[k - 1]);
            row.put("eigengap", Eigengap.gap(spectrum, k));
            row.put("local_eigenvalue", local[k - 1]);
            row.put("eigengap_local", Eigengap.gap(local, k));
            if (gap != null) {
                row.put("log_w", gap.logW()[k - min]);
                row.put("gap", gap.gap()[k - min]);
                row.put("gap_error", gap.error()[k - min]);
            }
            table.add(row);
        }
        Map<Criterion, double[]> scores = new EnumMap<>(Criterion.class);
        if (criterion.trains()) {
            scores.putAll(score(exp, seed, dir, log, table));
        }
        scores.put(Criterion.EIGENGAP, table.stream().mapToDouble(r -> (Double) r.get("eigengap")).toArray());
        scores.put(Criterion.EIGENGAP_LOCAL, table.stream().mapToDouble(r -> (Double) r.get("eigengap_local")).toArray());
        if (gap != null) {
            scores.put(criterion, gap.gap());
        }
        Map<Criterion, Integer> picks = new EnumMap<>(Criterion.class);
        scores.forEach((c, v) -> picks.put(c, switch (c) {
            case STABILITY -> stable(v);
            case SILHOUETTE, CALINSKI_HARABASZ -> best(v, 1);
            case DAVIES_BOULDIN -> best(v, -1);
            case EIGENGAP -> Eigengap.choose(spectrum, min, top);
            case EIGENGAP_LOCAL -> Eigengap.choose(local, min, top);
            case GAP, GAP_PCA -> gap.choose();
        }));
        int best = picks.get(criterion);
        for (Map<String, Object> row : table) {
            Object k = row.get("k");
            picks.forEach((c, pick) -> row.put("by_" + c.label(), k.equals(pick) ? 1 : 0));
            row.put("chosen", k.equals(best) ? 1 : 0);
        }
        Outputs.write(dir.resolve("clusters.csv"), Outputs.csv(table));
        List<String> ks = table.stream().map(r -> String.valueOf(r.get("k"))).toList();
        ScorePlot.write(dir.resolve("clusters.svg"), "--clusters auto: " + criterion.plotted, "k", criterion.label(), ks,
                scores.get(criterion), best - min);
        return best;
    }

    /**
     * Trains every k on the subsamples: normalised instability, mean silhouette, Calinski-Harabasz and Davies-Bouldin
     * per k, into the table's rows and the map returned.
     */
    private Map<Criterion, double[]> score(Experiment exp, long seed, Path dir, PrintStream log, List<Map<String, Object>> table)
            throws Exception {
        int n = exp.data.samples();
        int count = (int) (FRACTION * n);
        List<int[]> rows = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            rows.add(Stability.subsample(n, count, seed + r));
        }
        Silhouette widths = Silhouette.of(exp.data.views());
        Separation separation = new Separation(exp.data.views());
        Map<Criterion, double[]> scores = new EnumMap<>(Criterion.class);
        for (Criterion c : List.of(Criterion.STABILITY, Criterion.SILHOUETTE, Criterion.CALINSKI_HARABASZ, Criterion.DAVIES_BOULDIN)) {
            scores.put(c, new double[max(n) - min + 1]);
        }
        for (int k = min; k <= max(n); k++) {
            List<int[]> labels = new ArrayList<>();
            double used = 0;
            double sil = 0;
            double ch = 0;
            double db = 0;
            for (int r = 0; r < RUNS; r++) {
                Path runDir = dir.resolve("clusters-auto").resolve("k" + k).resolve("run-" + r);
                Files.createDirectories(runDir);
                Map<String, Object> m = exp.with(rows.get(r), k, false).once(seed + r, runDir, null, new Profile());
                labels.add(Experiment.clusters(runDir.resolve("labels.csv")));
                used += ((Number) ((Map<?, ?>) m.get("health")).get("clusters_used")).doubleValue() / RUNS;
                sil += widths.score(rows.get(r), labels.get(r)) / RUNS;
                ch += separation.calinskiHarabasz(rows.get(r), labels.get(r)) / RUNS;
                db += separation.daviesBouldin(rows.get(r), labels.get(r)) / RUNS;
            }
            Stability.Score s = Stability.of(rows, labels, seed);
            scores.get(Criterion.STABILITY)[k - min] = s.normalised();
            scores.get(Criterion.SILHOUETTE)[k - min] = sil;
            scores.get(Criterion.CALINSKI_HARABASZ)[k - min] = ch;
            scores.get(Criterion.DAVIES_BOULDIN)[k - min] = db;
            Map<String, Object> row = table.get(k - min);
            row.put("instability", s.instability());
            row.put("chance", s.chance());
            row.put("normalised", s.normalised());
            row.put("silhouette", sil);
            row.put("calinski_harabasz", ch);
            row.put("davies_bouldin", db);
            row.put("clusters_used", used);
            if (log != null) {
                log.printf(Locale.ROOT, "k %d: instability %.4f, chance %.4f, normalised %.4f, silhouette %.4f, "
                        + "Calinski-Harabasz %.4g, Davies-Bouldin %.4f, eigengap %.4f%n",
                        k, s.instability(), s.chance(), s.normalised(), sil, ch, db, (Double) row.get("eigengap"));
            }
        }
        return scores;
    }

    /** The k of the highest ({@code sign} 1) or lowest ({@code sign} −1) score, NaN scores skipped; the smallest on ties. */
    private int best(double[] score, int sign) {
        int best = min;
        for (int k = min; k < min + score.length; k++) {
            double v = score[k - min];
            if (!Double.isNaN(v) && (Double.isNaN(score[best - min]) || sign * v > sign * score[best - min])) {
                best = k;
            }
        }
        return best;
    }

    /** The largest k whose normalised instability is within {@link #SLACK} of the lowest. */
    private int stable(double[] score) {
        double lowest = Arrays.stream(score).filter(v -> !Double.isNaN(v)).min().orElse(0);
        int best = -1;
        for (int k = min; k < min + score.length; k++) {
            if (score[k - min] <= lowest + SLACK || best < 0 && k == min + score.length - 1) {
                best = k;
            }
        }
        return best;
    }
}
