package org.mvclust.runtime.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * External clustering metrics. Labels are non-negative ints of any values; classes (truth) and clusters (pred)
 * are the distinct values in ascending order. NMI and ARI match scikit-learn's defaults.
 */
public final class Metrics {
    /** The keys of {@link #all}, in its order. */
    public static final List<String> NAMES = List.of("acc", "nmi", "ari", "purity", "fscore");

    private static final double EPS = Math.ulp(1.0);

    private Metrics() {}

    /** Clustering accuracy: the fraction of samples on the diagonal under the best one-to-one cluster-to-class map. */
    public static double acc(int[] truth, int[] pred) {
        int[][] table = contingency(truth, pred);
        int[] classOfCluster = match(table);
        long hit = 0;
        for (int c = 0; c < classOfCluster.length; c++) {
            if (classOfCluster[c] >= 0) {
                hit += table[classOfCluster[c]][c];
            }
        }
        return (double) hit / truth.length;
    }

    /** Normalised mutual information with arithmetic-mean normalisation (sklearn's default). */
    public static double nmi(int[] truth, int[] pred) {
        int[][] table = contingency(truth, pred);
        int classes = table.length;
        int clusters = table[0].length;
        if (classes == 1 && clusters == 1) {
            return 1.0;
        }
        if (classes == 1 || clusters == 1) {
            return 0.0;
        }
        long[] a = rowSums(table);
        long[] b = colSums(table);
        double n = truth.length;
        double logN = Math.log(n);
        double mi = 0;
        for (int i = 0; i < classes; i++) {
            for (int j = 0; j < clusters; j++) {
                int nij = table[i][j];
                if (nij > 0) {
                    double p = nij / n;
                    // Same term order as sklearn, and like it drop terms below machine epsilon.
                    double term = p * (Math.log(nij) - logN) + p * (-Math.log((double) a[i] * b[j]) + logN + logN);
                    if (Math.abs(term) >= EPS) {
                        mi += term;
                    }
                }
            }
        }
        if (mi <= 0) {
            return 0.0;
        }
        return mi / ((entropy(a, n) + entropy(b, n)) / 2);
    }

    /** Adjusted Rand index (sklearn's adjusted_rand_score). */
    public static double ari(int[] truth, int[] pred) {
        Pairs p = pairs(contingency(truth, pred), truth.length);
        if (p.fn == 0 && p.fp == 0) {
            return 1.0;
        }
        double tp = p.tp;
        double fp = p.fp;
        double fn = p.fn;
        double tn = p.tn;
        return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
    }

    /** Purity: each cluster counts its majority class. */
    public static double purity(int[] truth, int[] pred) {
        int[][] table = contingency(truth, pred);
        long hit = 0;
        for (int j = 0; j < table[0].length; j++) {
            int best = 0;
            for (int[] row : table) {
                best = Math.max(best, row[j]);
            }
            hit += best;
        }
        return (double) hit / truth.length;
    }

    /**
     * Pairwise F-score: over sample pairs, precision = same-cluster pairs that share a class, recall = same-class
     * pairs that share a cluster, F = 2PR/(P+R) = 2TP/(2TP+FP+FN). Identical partitions give 1 (also with no pairs),
     * no true-positive pair gives 0.
     */
    public static double fscore(int[] truth, int[] pred) {
        Pairs p = pairs(contingency(truth, pred), truth.length);
        if (p.fn == 0 && p.fp == 0) {
            return 1.0;
        }
        return 2.0 * p.tp / (2.0 * p.tp + p.fp + p.fn);
    }

    /** All metrics keyed, in order, acc, nmi, ari, purity, fscore. */
    public static Map<String, Double> all(int[] truth, int[] pred) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("acc", acc(truth, pred));
        out.put("nmi", nmi(truth, pred));
        out.put("ari", ari(truth, pred));
        out.put("purity", purity(truth, pred));
        out.put("fscore", fscore(truth, pred));
        return out;
    }

    /** Counts [class][cluster], with classes and clusters the distinct label values in ascending order. */
    public static int[][] contingency(int[] truth, int[] pred) {
        if (truth.length != pred.length) {
            throw new IllegalArgumentException("truth has " + truth.length + " labels but pred has " + pred.length);
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("labels are empty");
        }
        int[] t = remap(truth, "truth");
        int[] p = remap(pred, "pred");
        int[][] table = new int[max(t) + 1][max(p) + 1];
        for (int i = 0; i < t.length; i++) {
            table[t[i]][p[i]]++;
        }
        return table;
    }

    /** For each distinct pred cluster (ascending), the index of its matched class among the distinct truth values (ascending), or -1. */
    public static int[] matchClusters(int[] truth, int[] pred) {
        return match(contingency(truth, pred));
    }

    private static int[] match(int[][] table) {
        int classes = table.length;
        int clusters = table[0].length;
        double[][] weight = new double[clusters][classes];
        for (int i = 0; i < classes; i++) {
            for (int j = 0; j < clusters; j++) {
                weight[j][i] = table[i][j];
            }
        }
        return Hungarian.maximize(weight);
    }

    private record Pairs(long tp, long fp, long fn, long tn) {}

    private static Pairs pairs(int[][] table, long n) {
        long tp = 0;
        for (int[] row : table) {
            for (int nij : row) {
                tp += choose2(nij);
            }
        }
        long sameClass = 0;
        for (long a : rowSums(table)) {
            sameClass += choose2(a);
        }
        long sameCluster = 0;
        for (long b : colSums(table)) {
            sameCluster += choose2(b);
        }
        long fp = sameCluster - tp;
        long fn = sameClass - tp;
        return new Pairs(tp, fp, fn, choose2(n) - tp - fp - fn);
    }

    private static long choose2(long m) {
        return m * (m - 1) / 2;
    }

    private static double entropy(long[] counts, double n) {
        double logN = Math.log(n);
        double h = 0;
        for (long c : counts) {
            h -= (c / n) * (Math.log(c) - logN);
        }
        return h;
    }

    private static long[] rowSums(int[][] table) {
        long[] s = new long[table.length];
        for (int i = 0; i < table.length; i++) {
            for (int v : table[i]) {
                s[i] += v;
            }
        }
        return s;
    }

    private static long[] colSums(int[][] table) {
        long[] s = new long[table[0].length];
        for (int[] row : table) {
            for (int j = 0; j < row.length; j++) {
                s[j] += row[j];
            }
        }
        return s;
    }

    /** Distinct values mapped to 0..m-1 in ascending order. */
    private static int[] remap(int[] labels, String name) {
        int max = 0;
        for (int v : labels) {
            if (v < 0) {
                throw new IllegalArgumentException(name + " has a negative label: " + v);
            }
            max = Math.max(max, v);
        }
        int[] out = new int[labels.length];
        if (max <= 4L * labels.length + 1024) {
            int[] index = new int[max + 1];
            for (int v : labels) {
                index[v] = 1;
            }
            int next = 0;
            for (int v = 0; v <= max; v++) {
                index[v] = index[v] == 0 ? -1 : next++;
            }
            for (int i = 0; i < labels.length; i++) {
                out[i] = index[labels[i]];
            }
        } else {
            int[] distinct = Arrays.stream(labels).distinct().sorted().toArray();
            for (int i = 0; i < labels.length; i++) {
                out[i] = Arrays.binarySearch(distinct, labels[i]);
            }
        }
        return out;
    }

    private static int max(int[] values) {
        int m = 0;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
