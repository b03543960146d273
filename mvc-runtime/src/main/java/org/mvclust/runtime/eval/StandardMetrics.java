package org.mvclust.runtime.eval;

import org.mvclust.api.Metric;

/** The built-in metrics as {@link Metric} providers, each computed by {@link Metrics}. */
public final class StandardMetrics {
    private StandardMetrics() {
    }

    /** Accuracy under the best one-to-one matching of clusters to classes. */
    public static final class Acc implements Metric {
        public String name() {
            return "acc";
        }

        public String description() {
            return "accuracy under the best one-to-one matching of clusters to classes (Hungarian)";
        }

        public double score(int[] truth, int[] labels) {
            return Metrics.acc(truth, labels);
        }
    }

    /** Normalised mutual information. */
    public static final class Nmi implements Metric {
        public String name() {
            return "nmi";
        }

        public String description() {
            return "normalised mutual information (arithmetic mean of the entropies)";
        }

        public double score(int[] truth, int[] labels) {
            return Metrics.nmi(truth, labels);
        }
    }

    /** Adjusted Rand index. */
    public static final class Ari implements Metric {
        public String name() {
            return "ari";
        }

        public String description() {
            return "adjusted Rand index";
        }

        public double score(int[] truth, int[] labels) {
            return Metrics.ari(truth, labels);
        }
    }

    /** Purity. */
    public static final class Purity implements Metric {
        public String name() {
            return "purity";
        }

        public String description() {
            return "share of samples in their cluster's majority class";
        }

        public double score(int[] truth, int[] labels) {
            return Metrics.purity(truth, labels);
        }
    }

    /** Pairwise F-score. */
    public static final class Fscore implements Metric {
        public String name() {
            return "fscore";
        }

        public String description() {
            return "F-score of the sample pairs placed together";
        }

        public double score(int[] truth, int[] labels) {
            return Metrics.fscore(truth, labels);
        }
    }
}
