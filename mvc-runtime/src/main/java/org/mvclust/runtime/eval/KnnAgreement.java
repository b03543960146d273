package org.mvclust.runtime.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.mvclust.api.Matrix;

/**
 * Label-free agreement of a partition with each view's own neighbourhoods, as {@code benchmarks/eamc/score.py}
 * computes it: rows L2-normalised, each sample's k nearest neighbours by cosine (itself excluded, ties to the lower
 * index), the share of them in the sample's cluster adjusted for chance, {@code (agree - e) / (1 - e)} with
 * {@code e = sum_c (n_c / n)^2}, averaged over the views; a partition with fewer than two clusters scores 0.
 * Above {@link #MAX_SAMPLES} samples the score is that of the evenly spaced subsample of that size.
 */
public final class KnnAgreement {
    public static final int MAX_SAMPLES = 4000;

    private final int[] rows;
    private final List<int[][]> neighbours;

    private KnnAgreement(int[] rows, List<int[][]> neighbours) {
        this.rows = rows;
        this.neighbours = neighbours;
    }

    /** Neighbour lists of every view (raw views, before any preprocessing, to match the script). */
    public static KnnAgreement of(List<Matrix> views, int k) {
        int n = views.get(0).rows();
        int[] rows = EvenRows.of(n, MAX_SAMPLES);
        int m = rows.length;
        if (k >= m) {
            throw new IllegalArgumentException(k + " neighbours need more than " + m + " samples");
        }
        List<int[][]> out = new ArrayList<>();
        for (Matrix v : views) {
            out.add(neighbours(normalised(v, rows), k));
        }
        return new KnnAgreement(rows, out);
    }

    /** The samples scored (all, or the subsample). */
    public int samples() {
        return rows.length;
    }

    public double score(int[] labels) {
        int[] l = new int[rows.length];
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int i = 0; i < rows.length; i++) {
            l[i] = labels[rows[i]];
            sizes.merge(l[i], 1, Integer::sum);
        }
        if (sizes.size() < 2) {
            return 0.0;
        }
        double e = 0;
        for (int s : sizes.values()) {
            e += ((double) s / l.length) * ((double) s / l.length);
        }
        double sum = 0;
        for (int[][] nb : neighbours) {
            long agree = 0;
            for (int i = 0; i < l.length; i++) {
                for (int j : nb[i]) {
                    agree += l[j] == l[i] ? 1 : 0;
                }
            }
            double a = (double) agree / ((long) l.length * nb[0].length);
            sum += (a - e) / (1 - e);
        }
        return sum / neighbours.size();
    }

    private static double[][] normalised(Matrix v, int[] rows) {
        double[][] x = new double[rows.length][v.cols()];
        for (int i = 0; i < rows.length; i++) {
            double s = 0;
            for (int j = 0; j < v.cols(); j++) {
                x[i][j] = v.get(rows[i], j);
                s += x[i][j] * x[i][j];
            }
            double norm = Math.max(Math.sqrt(s), 1e-12);
            for (int j = 0; j < v.cols(); j++) {
                x[i][j] /= norm;
            }
        }
        return x;
    }

    /** Each row's k most similar other rows by dot product, most similar first. */
    private static int[][] neighbours(double[][] x, int k) {
        int[][] nonzero = new int[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] a = x[i];
            nonzero[i] = IntStream.range(0, a.length).filter(f -> a[f] != 0).toArray();
        }
        return TopNeighbours.of(x.length, k, (i, j) -> {
            double s = 0;
            for (int f : nonzero[i]) { // sparse views (text) have few
                s += x[i][f] * x[j][f];
            }
            return s;
        });
    }
}
