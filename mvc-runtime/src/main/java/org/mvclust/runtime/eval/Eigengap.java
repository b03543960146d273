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
    /** The neighbour whose distance sets a sample's scale in {@link #localSpectrum} (Zelnik-Manor & Perona's 7). */
    public static final int LOCAL_SCALE = 7;
    /** The dense eigenvalue problem costs about n^3 operations: 2000 samples take seconds. */
    public static final int MAX_SAMPLES = 2000;

    private Eigengap() {
    }

    /** The ascending eigenvalues of the normalised Laplacian of the views' mean kNN graph. */
    public static double[] spectrum(List<Matrix> views) {
        int[] rows = rows(views.get(0).rows());
        int m = rows.length;
        double[][] w = new double[m][m];
        for (Matrix v : views) {
            boolean[][] joined = new boolean[m][m];
            int[][] nb = neighbours(select(v, rows), NEIGHBOURS);
            for (int i = 0; i < m; i++) {
                for (int j : nb[i]) {
                    joined[i][j] = joined[j][i] = true;
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    w[i][j] += joined[i][j] ? 1.0 / views.size() : 0;
                }
            }
        }
        return laplacianSpectrum(w);
    }

    /**
     * As {@link #spectrum}, on the views' mean self-tuning affinity (Zelnik-Manor & Perona 2004, "Self-tuning spectral
     * clustering", NIPS 17): {@code exp(-d_ij^2 / (sigma_i sigma_j))}, sigma_i the distance to the {@link #LOCAL_SCALE}-th
     * nearest other sample, 0 on the diagonal.
     */
    public static double[] localSpectrum(List<Matrix> views) {
        int[] rows = rows(views.get(0).rows());
        int m = rows.length;
        double[][] w = new double[m][m];
        for (Matrix v : views) {
            double[][] d2 = squaredDistances(select(v, rows));
            double[] sigma = new double[m];
            for (int i = 0; i < m; i++) {
                double[] others = d2[i].clone();
                others[i] = Double.POSITIVE_INFINITY;
                Arrays.sort(others);
                sigma[i] = Math.sqrt(Math.max(0, others[LOCAL_SCALE - 1]));
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double d = Math.max(0, d2[i][j]);
                    double scale = sigma[i] * sigma[j];
                    w[i][j] += (i == j ? 0 : scale > 0 ? Math.exp(-d / scale) : d == 0 ? 1 : 0) / views.size();
                }
            }
        }
        return laplacianSpectrum(w);
    }

    /** At most {@link #MAX_SAMPLES} evenly spaced rows of {@code n}. */
    private static int[] rows(int n) {
        int m = Math.min(n, MAX_SAMPLES);
        if (m <= NEIGHBOURS) {
            throw new IllegalArgumentException("the eigengap needs more than " + NEIGHBOURS + " samples, got " + m);
        }
        return IntStream.range(0, m).map(i -> (int) ((long) i * n / m)).toArray();
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

    private static Matrix select(Matrix v, int[] rows) {
        if (rows.length == v.rows()) {
            return v;
        }
        float[] out = new float[rows.length * v.cols()];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(v.data(), rows[i] * v.cols(), out, i * v.cols(), v.cols());
        }
        return new Matrix(rows.length, v.cols(), out);
    }

    /** Each row's k nearest other rows by Euclidean distance (ties to the lower index). */
    static int[][] neighbours(Matrix x, int k) {
        double[][] d2 = squaredDistances(x);
        return TopNeighbours.of(x.rows(), k, (i, j) -> -d2[i][j]); // nearest first
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
