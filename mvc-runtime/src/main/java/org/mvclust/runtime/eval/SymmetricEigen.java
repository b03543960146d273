package org.mvclust.runtime.eval;

import java.util.Arrays;

/**
 * Eigenvalues of a real symmetric matrix: Householder reduction to tridiagonal form, then the implicit QL method
 * (tred2 and tql2 of EISPACK as JAMA writes them, without the eigenvectors; the upper triangle is read row by row).
 */
public final class SymmetricEigen {
    private SymmetricEigen() {
    }

    /** The eigenvalues of the symmetric {@code a}, ascending; {@code a} is overwritten. */
    public static double[] values(double[][] a) {
        int n = a.length;
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalise(a, d, e);
        ql(d, e);
        Arrays.sort(d);
        return d;
    }

    /** Householder: on return {@code d} is the diagonal and {@code e[1..]} the subdiagonal of a similar tridiagonal matrix. */
    private static void tridiagonalise(double[][] a, double[] d, double[] e) {
        int n = d.length;
        for (int j = 0; j < n; j++) {
            d[j] = a[j][n - 1];
        }
        for (int i = n - 1; i > 0; i--) {
            double scale = 0;
            double h = 0;
            for (int k = 0; k < i; k++) {
                scale += Math.abs(d[k]);
            }
            if (scale == 0) {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) {
                    d[j] = a[j][i - 1];
                    a[j][i] = 0;
                }
                continue;
            }
            for (int k = 0; k < i; k++) {
                d[k] /= scale;
                h += d[k] * d[k];
            }
            double f = d[i - 1];
            double g = f > 0 ? -Math.sqrt(h) : Math.sqrt(h);
            e[i] = scale * g;
            h -= f * g;
            d[i - 1] = f - g;
            Arrays.fill(e, 0, i, 0);
            for (int j = 0; j < i; j++) {
                double[] row = a[j];
                f = d[j];
                g = e[j] + row[j] * f;
                for (int k = j + 1; k < i; k++) {
                    g += row[k] * d[k];
                    e[k] += row[k] * f;
                }
                e[j] = g;
            }
            f = 0;
            for (int j = 0; j < i; j++) {
                e[j] /= h;
                f += e[j] * d[j];
            }
            double hh = f / (h + h);
            for (int j = 0; j < i; j++) {
                e[j] -= hh * d[j];
            }
            for (int j = 0; j < i; j++) {
                double[] row = a[j];
                f = d[j];
                g = e[j];
                for (int k = j; k < i; k++) {
                    row[k] -= f * e[k] + g * d[k];
                }
                d[j] = a[j][i - 1];
                a[j][i] = 0;
            }
        }
        for (int i = 0; i < n; i++) {
            d[i] = a[i][i];
        }
        e[0] = 0;
    }

    /** Implicit QL on the tridiagonal matrix (d, e): its eigenvalues into {@code d}. */
    private static void ql(double[] d, double[] e) {
        int n = d.length;
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0;
        double f = 0;
        double tst1 = 0;
        double eps = Math.ulp(1.0);
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.abs(e[m]) > eps * tst1) {
                m++;
            }
            if (m > l) {
                do {
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = Math.hypot(p, 1);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    f += h;
                    p = d[m];
                    double c = 1;
                    double c2 = c;
                    double c3 = c;
                    double el1 = e[l + 1];
                    double s = 0;
                    double s2 = 0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Math.hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
    }
}
