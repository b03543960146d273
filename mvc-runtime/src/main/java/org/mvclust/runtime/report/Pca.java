package org.mvclust.runtime.report;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.mvclust.api.Matrix;

/**
 * Principal component analysis by power iteration with deflation on the sample covariance matrix (divisor n-1).
 * Each component's sign is fixed so that its entry of largest magnitude is positive.
 */
public final class Pca {
    private static final int MAX_ITER = 5000;
    private static final double TOL = 1e-13;

    /** The fitted mean, unit components (rows) and the variance along each. */
    public record Fit(double[] mean, double[][] components, double[] variances, double totalVariance) {
        /** Scores: rows of {@code x} centred and projected on every component. */
        public double[][] project(Matrix x) {
            double[][] out = new double[x.rows()][components.length];
            for (int i = 0; i < x.rows(); i++) {
                for (int c = 0; c < components.length; c++) {
                    double s = 0;
                    for (int j = 0; j < x.cols(); j++) {
                        s += (x.get(i, j) - mean[j]) * components[c][j];
                    }
                    out[i][c] = s;
                }
            }
            return out;
        }
    }

    private Pca() {
    }

    /** The top {@code k} components of the rows of {@code x}; components beyond the data's rank have variance 0. */
    public static Fit fit(Matrix x, int k) {
        int n = x.rows();
        int d = x.cols();
        if (n < 1 || d < 1 || k < 1) {
            throw new IllegalArgumentException("PCA needs at least one row, one column and one component");
        }
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x.get(i, j);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] cov = new double[d][d];
        double[] r = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                r[j] = x.get(i, j) - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double ra = r[a];
                double[] row = cov[a];
                for (int b = a; b < d; b++) {
                    row[b] += ra * r[b];
                }
            }
        }
        double total = 0;
        double div = Math.max(1, n - 1);
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= div;
                cov[b][a] = cov[a][b];
            }
            total += cov[a][a];
        }
        double[][] comps = new double[k][];
        double[] vars = new double[k];
        SplittableRandom rng = new SplittableRandom(7);
        for (int c = 0; c < k; c++) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = rng.nextDouble(-1, 1);
            }
            orthonormalise(v, comps, c);
            for (int it = 0; it < MAX_ITER; it++) {
                double[] w = times(cov, v);
                if (Math.sqrt(dot(w, w)) <= 1e-12 * total) {
                    break; // no variance left: any direction orthogonal to the others will do
                }
                orthonormalise(w, comps, c);
                double diff = 0;
                for (int j = 0; j < d; j++) {
                    diff = Math.max(diff, Math.abs(w[j] - v[j]));
                }
                v = w;
                if (diff < TOL) {
                    break;
                }
            }
            double lambda = Math.max(0, dot(v, times(cov, v)));
            fixSign(v);
            comps[c] = v;
            vars[c] = lambda;
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov[a][b] -= lambda * v[a] * v[b];
                }
            }
        }
        return new Fit(mean, comps, vars, total);
    }

    /** Removes the first {@code m} rows of {@code basis} from {@code v} and scales it to unit length (a fresh direction if nothing is left). */
    private static void orthonormalise(double[] v, double[][] basis, int m) {
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < m; c++) {
                double p = dot(v, basis[c]);
                for (int j = 0; j < v.length; j++) {
                    v[j] -= p * basis[c][j];
                }
            }
        }
        double norm = Math.sqrt(dot(v, v));
        if (norm < 1e-150) {
            // No variance left in this direction: take the first axis not spanned by the basis.
            for (int e = 0; e < v.length; e++) {
                Arrays.fill(v, 0);
                v[e] = 1;
                for (int c = 0; c < m; c++) {
                    double p = basis[c][e];
                    for (int j = 0; j < v.length; j++) {
                        v[j] -= p * basis[c][j];
                    }
                }
                norm = Math.sqrt(dot(v, v));
                if (norm > 1e-6) {
                    break;
                }
            }
            if (norm <= 1e-6) {
                Arrays.fill(v, 0);
                return;
            }
        }
        for (int j = 0; j < v.length; j++) {
            v[j] /= norm;
        }
    }

    private static void fixSign(double[] v) {
        int arg = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[arg]) + 1e-12) {
                arg = j;
            }
        }
        if (v[arg] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
    }

    private static double[] times(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = dot(a[i], v);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
