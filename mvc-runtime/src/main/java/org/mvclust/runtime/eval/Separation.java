package org.mvclust.runtime.eval;

import java.util.Arrays;
import java.util.List;
import org.mvclust.api.Matrix;

/**
 * Two centroid-based indices of a partition, on the views side by side (Euclidean), as scikit-learn computes them:
 * Calinski-Harabasz (Caliński & Harabasz 1974, "A dendrite method for cluster analysis", Communications in Statistics 3):
 * between-cluster over within-cluster dispersion, each per degree of freedom, higher is better; Davies-Bouldin (Davies &
 * Bouldin 1979, IEEE TPAMI 1(2)): the mean over clusters of the worst (s_i + s_j) / ‖μ_i − μ_j‖, s_i the mean distance of
 * cluster i's samples to its centroid, lower is better.
 */
public final class Separation {
    private final List<Matrix> views;
    private final int dims;

    public Separation(List<Matrix> views) {
        this.views = views;
        this.dims = views.stream().mapToInt(Matrix::cols).sum();
    }

    /** Calinski-Harabasz of {@code labels} for the dataset rows {@code rows} (all rows when null); NaN for one cluster. */
    public double calinskiHarabasz(int[] rows, int[] labels) {
        Centroids c = centroids(rows, labels);
        int n = labels.length;
        int k = c.sizes.length;
        if (k < 2 || n == k) {
            return Double.NaN;
        }
        double[] mean = new double[dims];
        for (int j = 0; j < k; j++) {
            for (int f = 0; f < dims; f++) {
                mean[f] += c.centre[j][f] * c.sizes[j] / n;
            }
        }
        double between = 0;
        for (int j = 0; j < k; j++) {
            between += c.sizes[j] * squared(c.centre[j], mean);
        }
        double within = 0;
        for (int i = 0; i < n; i++) {
            within += squaredTo(row(rows, i), c.centre[c.index[i]]);
        }
        return within == 0 ? 1.0 : between * (n - k) / (within * (k - 1));
    }

    /** Davies-Bouldin of {@code labels} for the dataset rows {@code rows} (all rows when null); NaN for one cluster. */
    public double daviesBouldin(int[] rows, int[] labels) {
        Centroids c = centroids(rows, labels);
        int k = c.sizes.length;
        if (k < 2) {
            return Double.NaN;
        }
        double[] scatter = new double[k];
        for (int i = 0; i < labels.length; i++) {
            scatter[c.index[i]] += Math.sqrt(squaredTo(row(rows, i), c.centre[c.index[i]])) / c.sizes[c.index[i]];
        }
        double total = 0;
        for (int a = 0; a < k; a++) {
            double worst = 0;
            for (int b = 0; b < k; b++) {
                double d = Math.sqrt(squared(c.centre[a], c.centre[b]));
                if (b != a && d > 0) {
                    worst = Math.max(worst, (scatter[a] + scatter[b]) / d);
                }
            }
            total += worst;
        }
        return total / k;
    }

    private record Centroids(int[] index, int[] sizes, double[][] centre) {
    }

    private Centroids centroids(int[] rows, int[] labels) {
        int[] ids = Arrays.stream(labels).distinct().sorted().toArray();
        int[] index = Arrays.stream(labels).map(l -> Arrays.binarySearch(ids, l)).toArray();
        int[] sizes = new int[ids.length];
        double[][] centre = new double[ids.length][dims];
        for (int i = 0; i < labels.length; i++) {
            sizes[index[i]]++;
            int r = row(rows, i);
            int offset = 0;
            for (Matrix v : views) {
                for (int f = 0; f < v.cols(); f++) {
                    centre[index[i]][offset + f] += v.data()[r * v.cols() + f];
                }
                offset += v.cols();
            }
        }
        for (int j = 0; j < ids.length; j++) {
            for (int f = 0; f < dims; f++) {
                centre[j][f] /= sizes[j];
            }
        }
        return new Centroids(index, sizes, centre);
    }

    private static int row(int[] rows, int i) {
        return rows == null ? i : rows[i];
    }

    private double squaredTo(int r, double[] c) {
        double s = 0;
        int offset = 0;
        for (Matrix v : views) {
            for (int f = 0; f < v.cols(); f++) {
                double t = v.data()[r * v.cols() + f] - c[offset + f];
                s += t * t;
            }
            offset += v.cols();
        }
        return s;
    }

    private static double squared(double[] a, double[] b) {
        double s = 0;
        for (int f = 0; f < a.length; f++) {
            s += (a[f] - b[f]) * (a[f] - b[f]);
        }
        return s;
    }
}
