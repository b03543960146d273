package org.mvclust.runtime.eval;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.mvclust.api.Matrix;

/**
 * The eigengap heuristic for the number of clusters (von Luxburg 2007, "A tutorial on spectral clustering", Statistics
 * and Computing 17, section 8.3): the affinity is the mean of the views' symmetric kNN graphs (Euclidean, 0/1 weights:
 * i and j joined when either is among the other's {@link #NEIGHBOURS} nearest), and k is the one that maximises
 * {@code lambda_(k+1) - lambda_k} among the ascending eigenvalues of its normalised Laplacian
 * {@code I - D^-1/2 W D^-1/2}. Above {@link #MAX_SAMPLES} samples, the evenly spaced subsample of that size.
 */
public final class Eigengap {
    public static final int NEIGHBOURS = 10;
    /** The neighbour whose distance sets a sample's scale in {@link #spectra} (Zelnik-Manor & Perona's 7). */
    public static final int LOCAL_SCALE = 7;
    /** The dense eigenvalue problem costs about n^3 operations: 2000 samples take seconds. */
    public static final int MAX_SAMPLES = 2000;

    private Eigengap() {
    }

    /** The ascending eigenvalues of the normalised Laplacians of the views' mean kNN graph and mean self-tuning affinity. */
    public record Spectra(double[] knn, double[] local) {
    }

    /**
     * Both spectra from one distance matrix per view: the mean of the views' symmetric kNN graphs, and their mean
     * self-tuning affinity (Zelnik-Manor & Perona 2004, "Self-tuning spectral clustering", NIPS 17):
     * {@code exp(-d_ij^2 / (sigma_i sigma_j))}, sigma_i the distance to the {@link #LOCAL_SCALE}-th nearest other sample,
     * 0 on the diagonal.
     */
    public static Spectra spectra(List<Matrix> views) {
        int n = views.get(0).rows();
        if (Math.min(n, MAX_SAMPLES) <= NEIGHBOURS) {
            throw new IllegalArgumentException("the eigengap needs more than " + NEIGHBOURS + " samples, got " + n);
        }
        int[] rows = EvenRows.of(n, MAX_SAMPLES);
        int m = rows.length;
        double[][] knn = new double[m][m];
        double[][] local = new double[m][m];
        for (Matrix v : views) {
            double[][] d2 = squaredDistances(EvenRows.select(v, rows));
            boolean[][] joined = new boolean[m][m];
            int[][] nb = neighbours(d2, NEIGHBOURS);
            double[] sigma = new double[m];
            for (int i = 0; i < m; i++) {
                for (int j : nb[i]) {
                    joined[i][j] = joined[j][i] = true;
                }
                double[] others = d2[i].clone();
                others[i] = Double.POSITIVE_INFINITY;
                Arrays.sort(others);
                sigma[i] = Math.sqrt(Math.max(0, others[LOCAL_SCALE - 1]));
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    knn[i][j] += joined[i][j] ? 1.0 / views.size() : 0;
                    double d = Math.max(0, d2[i][j]);
                    double scale = sigma[i] * sigma[j];
                    local[i][j] += (i == j ? 0 : scale > 0 ? Math.exp(-d / scale) : d == 0 ? 1 : 0) / views.size();
                }
            }
        }
        return new Spectra(laplacianSpectrum(knn), laplacianSpectrum(local));
    }

    /** Ascending eigenvalues of {@code I - D^-1/2 W D^-1/2} for a symmetric affinity {@code w} (overwritten). */
    public static double[] laplacianSpectrum(double[][] w) {
        int n = w.length;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double deg = 0;
            for (double x : w[i]) {
                deg += x;
            }
            s[i] = deg > 0 ? 1 / Math.sqrt(deg) : 0;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = (i == j ? 1 : 0) - s[i] * w[i][j] * s[j];
            }
        }
        return SymmetricEigen.values(w);
    }

    /** The gap after the k-th smallest eigenvalue, {@code lambda_(k+1) - lambda_k} (k from 1). */
    public static double gap(double[] spectrum, int k) {
        return spectrum[k] - spectrum[k - 1];
    }

    /** The k in [min, max] with the largest gap (the smallest such k on ties). */
    public static int choose(double[] spectrum, int min, int max) {
        int best = min;
        for (int k = min + 1; k <= Math.min(max, spectrum.length - 1); k++) {
            if (gap(spectrum, k) > gap(spectrum, best)) {
                best = k;
            }
        }
        return best;
    }

    /** Each row's k nearest other rows by Euclidean distance (ties to the lower index). */
    static int[][] neighbours(Matrix x, int k) {
        return neighbours(squaredDistances(x), k);
    }

    private static int[][] neighbours(double[][] d2, int k) {
        return TopNeighbours.of(d2.length, k, (i, j) -> -d2[i][j]); // nearest first
    }

    /** Squared Euclidean distances between the rows, as ‖a‖² + ‖b‖² − 2 a·b (symmetric; may be slightly negative). */
    static double[][] squaredDistances(Matrix x) {
        int n = x.rows();
        int d = x.cols();
        float[] a = x.data();
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < d; f++) {
                norm[i] += (double) a[i * d + f] * a[i * d + f];
            }
        }
        double[][] out = new double[n][n];
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = i + 1; j < n; j++) {
                double dot = 0;
                for (int f = 0; f < d; f++) {
                    dot += (double) a[i * d + f] * a[j * d + f];
                }
                out[i][j] = out[j][i] = norm[i] + norm[j] - 2 * dot;
            }
        });
        return out;
    }
}
