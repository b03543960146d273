package org.mvclust.runtime.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvclust.api.Matrix;

/** Label-free health of a partition: how many clusters it uses, how evenly, and how it agrees with simple references. */
public final class Health {
    /** Restarts of the reference k-means; its seed is the run's seed. */
    public static final int KMEANS_RESTARTS = 3;

    private Health() {
    }

    public static int clustersUsed(int[] labels) {
        return (int) Arrays.stream(labels).distinct().count();
    }

    /** Shannon entropy of the cluster sizes over ln k: 1 for k equal clusters, 0 for one cluster. */
    public static double sizeEntropy(int[] labels, int k) {
        if (k < 2) {
            return 0.0;
        }
        Map<Integer, Integer> sizes = new LinkedHashMap<>();
        for (int l : labels) {
            sizes.merge(l, 1, Integer::sum);
        }
        double h = 0;
        for (int s : sizes.values()) {
            double p = (double) s / labels.length;
            h -= p * Math.log(p);
        }
        return h / Math.log(k);
    }

    /** Above this many samples the reference k-means is fitted on an evenly spaced subsample of this size. */
    public static final int KMEANS_MAX_FIT = 10_000;

    /**
     * k-means (k-means++, {@link #KMEANS_RESTARTS} restarts) on the views side by side, the reference partition; above
     * {@link #KMEANS_MAX_FIT} samples fitted on a subsample, every sample then taking its nearest centre (70 000 MNIST
     * digits took minutes to fit whole on one thread).
     */
    public static int[] kmeans(List<Matrix> views, int k, long seed) {
        Matrix x = concat(views);
        int n = x.rows();
        if (n <= KMEANS_MAX_FIT) {
            return KMeans.fit(x, k, KMEANS_RESTARTS, 100, 1e-4, seed).labels();
        }
        Matrix sub = EvenRows.select(x, EvenRows.of(n, KMEANS_MAX_FIT));
        return KMeans.nearest(x, KMeans.fit(sub, k, KMEANS_RESTARTS, 100, 1e-4, seed).centroids());
    }

    /** Each partition's mean ARI with the others (NaN for fewer than two partitions). */
    public static double[] agreementWithOthers(List<int[]> partitions) {
        int r = partitions.size();
        double[] out = new double[r];
        for (int a = 0; a < r; a++) {
            for (int b = a + 1; b < r; b++) {
                double ari = Metrics.ari(partitions.get(a), partitions.get(b));
                out[a] += ari / (r - 1);
                out[b] += ari / (r - 1);
            }
        }
        return r < 2 ? new double[] {Double.NaN} : out;
    }

    /** Stability: the mean ARI over all pairs of partitions, 1 when they are identical up to renaming. */
    public static double stability(List<int[]> partitions) {
        return Arrays.stream(agreementWithOthers(partitions)).average().orElse(Double.NaN);
    }

    /** The measures of one run, in metrics.json's order; {@code knn} may be null. */
    public static Map<String, Object> measures(int[] labels, int k, int[] kmeans, KnnAgreement knn) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clusters_used", clustersUsed(labels));
        m.put("size_entropy", sizeEntropy(labels, k));
        m.put("kmeans_ari", Metrics.ari(kmeans, labels));
        m.put("kmeans_nmi", Metrics.nmi(kmeans, labels));
        if (knn != null) {
            m.put("knn_agreement", knn.score(labels));
            m.put("knn_samples", knn.samples());
        }
        return m;
    }

    /** The effective number of clusters, exp of the Shannon entropy of the sizes: k^sizeEntropy (k for equal sizes). */
    public static double effectiveClusters(double sizeEntropy, int k) {
        return Math.pow(k, sizeEntropy);
    }

    /**
     * What went wrong, each with what to try; empty when nothing did. A partition collapsed when it uses fewer than half
     * of the k clusters, or uses more but its sizes make it effectively fewer than k / 2 ({@link #effectiveClusters}:
     * one cluster holding most samples). {@code nanLoss} names the first NaN loss, or is null.
     */
    public static List<String> warnings(int used, int k, double sizeEntropy, String nanLoss) {
        List<String> out = new ArrayList<>();
        String tryThis = "try other seeds with --runs 5 --select health, a lower learning rate "
                + "(--set phases.NAME.optimizer.lr=...), or longer pretraining where the method has it";
        double effective = effectiveClusters(sizeEntropy, k);
        if (2 * used < k) {
            out.add("the partition uses only " + used + " of " + k + " clusters (it collapsed); " + tryThis);
        } else if (effective < k / 2.0 - 1e-9) {
            out.add(String.format(java.util.Locale.ROOT, "the partition uses %d of %d clusters, but its sizes are so uneven "
                    + "that it is effectively %.1f clusters (exp of the size entropy; it collapsed); %s", used, k, effective, tryThis));
        }
        if (nanLoss != null) {
            out.add("the losses went NaN (" + nanLoss + "); try a lower learning rate (--set phases.NAME.optimizer.lr=...) "
                    + "or gradient clipping (--set phases.NAME.clip=1)");
        }
        return out;
    }

    /** The views side by side (the view itself when there is one). */
    static Matrix concat(List<Matrix> views) {
        if (views.size() == 1) {
            return views.get(0);
        }
        int n = views.get(0).rows();
        int d = views.stream().mapToInt(Matrix::cols).sum();
        float[] x = new float[Math.multiplyExact(n, d)];
        int offset = 0;
        for (Matrix v : views) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(v.data(), i * v.cols(), x, i * d + offset, v.cols());
            }
            offset += v.cols();
        }
        return new Matrix(n, d, x);
    }
}
