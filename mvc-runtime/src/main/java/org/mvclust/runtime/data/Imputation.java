package org.mvclust.runtime.data;

import java.util.List;
import org.mvclust.api.Matrix;

/**
 * Fills absent views (rows whose mask entry is 0) in place, the baselines that masking is compared with.
 * {@code mean}: the view's feature means over its present samples. {@code knn}: the mean of the view's rows of the
 * k nearest samples that have it, where the distance between two samples is the mean over the other views both have
 * of the squared Euclidean distance divided by that view's total variance (a sample sharing no view with any donor
 * gets the feature means).
 */
public final class Imputation {
    public static final List<String> METHODS = List.of("mean", "knn");

    private Imputation() {
    }

    public static void apply(String method, List<Matrix> views, Matrix mask, int k) {
        switch (method) {
            case "mean" -> {
                for (int j = 0; j < views.size(); j++) {
                    fill(views.get(j), mask, j, means(views.get(j), mask, j));
                }
            }
            case "knn" -> knn(views, mask, k);
            default -> throw new IllegalArgumentException("unknown imputation '" + method + "' (" + METHODS + ")");
        }
    }

    private static float[] means(Matrix m, Matrix mask, int view) {
        double[] s = new double[m.cols()];
        int n = 0;
        for (int i = 0; i < m.rows(); i++) {
            if (mask.get(i, view) != 0f) {
                n++;
                for (int c = 0; c < m.cols(); c++) {
                    s[c] += m.get(i, c);
                }
            }
        }
        float[] out = new float[m.cols()];
        for (int c = 0; c < out.length; c++) {
            out[c] = n == 0 ? 0f : (float) (s[c] / n);
        }
        return out;
    }

    private static void fill(Matrix m, Matrix mask, int view, float[] row) {
        for (int i = 0; i < m.rows(); i++) {
            if (mask.get(i, view) == 0f) {
                System.arraycopy(row, 0, m.data(), i * m.cols(), m.cols());
            }
        }
    }

    private static void knn(List<Matrix> views, Matrix mask, int k) {
        int n = mask.rows();
        int v = views.size();
        double[] variance = new double[v];
        for (int j = 0; j < v; j++) {
            float[] mu = means(views.get(j), mask, j);
            double s = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (mask.get(i, j) != 0f) {
                    count++;
                    for (int c = 0; c < mu.length; c++) {
                        double d = views.get(j).get(i, c) - mu[c];
                        s += d * d;
                    }
                }
            }
            variance[j] = count > 0 && s > 0 ? s / count : 1;
        }
        float[][] filled = new float[v][];
        for (int j = 0; j < v; j++) {
            Matrix target = views.get(j);
            float[] mu = means(target, mask, j);
            float[] out = target.data().clone();
            for (int i = 0; i < n; i++) {
                if (mask.get(i, j) != 0f) {
                    continue;
                }
                int[] best = new int[k];
                double[] bestD = new double[k];
                java.util.Arrays.fill(bestD, Double.POSITIVE_INFINITY);
                for (int o = 0; o < n; o++) {
                    if (o == i || mask.get(o, j) == 0f) {
                        continue;
                    }
                    double d = distance(views, mask, variance, i, o, j);
                    if (d < bestD[k - 1]) {
                        int p = k - 1;
                        while (p > 0 && bestD[p - 1] > d) {
                            bestD[p] = bestD[p - 1];
                            best[p] = best[p - 1];
                            p--;
                        }
                        bestD[p] = d;
                        best[p] = o;
                    }
                }
                int found = 0;
                double[] sum = new double[target.cols()];
                for (int q = 0; q < k; q++) {
                    if (Double.isFinite(bestD[q])) {
                        found++;
                        for (int c = 0; c < sum.length; c++) {
                            sum[c] += target.get(best[q], c);
                        }
                    }
                }
                for (int c = 0; c < sum.length; c++) {
                    out[i * target.cols() + c] = found == 0 ? mu[c] : (float) (sum[c] / found);
                }
            }
            filled[j] = out;
        }
        for (int j = 0; j < v; j++) { // donors are always present rows, so filling after the search changes nothing found
            System.arraycopy(filled[j], 0, views.get(j).data(), 0, filled[j].length);
        }
    }

    /** Mean variance-scaled squared distance over the views (other than {@code skip}) both samples have; ∞ if none. */
    private static double distance(List<Matrix> views, Matrix mask, double[] variance, int a, int b, int skip) {
        double s = 0;
        int shared = 0;
        for (int j = 0; j < views.size(); j++) {
            if (j == skip || mask.get(a, j) == 0f || mask.get(b, j) == 0f) {
                continue;
            }
            Matrix m = views.get(j);
            int c = m.cols();
            float[] x = m.data();
            double d = 0;
            for (int f = 0; f < c; f++) {
                double t = x[a * c + f] - x[b * c + f];
                d += t * t;
            }
            s += d / variance[j];
            shared++;
        }
        return shared == 0 ? Double.POSITIVE_INFINITY : s / shared;
    }
}
