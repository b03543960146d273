package org.mvclust.runtime.eval;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.mvclust.api.Matrix;

/**
 * Mean silhouette width of a partition (Rousseeuw 1987, "Silhouettes: a graphical aid to the interpretation and
 * validation of cluster analysis", J. Comput. Appl. Math. 20): for each sample, a = its mean distance to the rest of its
 * cluster, b = the lowest mean distance to another cluster, s = (b - a) / max(a, b), 0 in a cluster of one (as
 * scikit-learn); higher is better. Euclidean distances on the views side by side, between at most {@link #MAX_SAMPLES}
 * evenly spaced samples, computed once and shared by every partition scored.
 */
public final class Silhouette {
    public static final int MAX_SAMPLES = 2000;

    private final int[] position;
    private final float[][] dist;

    private Silhouette(int[] position, float[][] dist) {
        this.position = position;
        this.dist = dist;
    }

    /** Distances between the evenly spaced samples of the views side by side. */
    public static Silhouette of(List<Matrix> views) {
        int n = views.get(0).rows();
        int[] rows = EvenRows.of(n, MAX_SAMPLES);
        int m = rows.length;
        int[] position = new int[n];
        Arrays.fill(position, -1);
        for (int i = 0; i < m; i++) {
            position[rows[i]] = i;
        }
        float[][] dist = new float[m][m];
        IntStream.range(0, m).parallel().forEach(i -> {
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (Matrix v : views) {
                    int c = v.cols();
                    float[] x = v.data();
                    for (int f = 0, a = rows[i] * c, b = rows[j] * c; f < c; f++) {
                        double t = x[a + f] - x[b + f];
                        s += t * t;
                    }
                }
                dist[i][j] = (float) Math.sqrt(s);
            }
        });
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                dist[i][j] = dist[j][i];
            }
        }
        return new Silhouette(position, dist);
    }

    /**
     * The mean silhouette of the partition {@code labels} of the dataset rows {@code rows} (all rows in order when
     * null), over those of its rows among the distances' samples; NaN for fewer than two clusters.
     */
    public double score(int[] rows, int[] labels) {
        int[] at = IntStream.range(0, labels.length).filter(i -> position[rows == null ? i : rows[i]] >= 0).toArray();
        int[] idx = Arrays.stream(at).map(i -> position[rows == null ? i : rows[i]]).toArray();
        int[] l = Arrays.stream(at).map(i -> labels[i]).toArray();
        return mean((i, j) -> dist[idx[i]][idx[j]], l);
    }

    /** Distance between the i-th and j-th samples of a partition. */
    public interface Distance {
        double between(int i, int j);
    }

    /** The mean silhouette of {@code labels} under {@code d}; NaN for fewer than two clusters. */
    public static double mean(Distance d, int[] labels) {
        int n = labels.length;
        int[] ids = Arrays.stream(labels).distinct().sorted().toArray();
        if (ids.length < 2) {
            return Double.NaN;
        }
        int[] c = Arrays.stream(labels).map(x -> Arrays.binarySearch(ids, x)).toArray();
        int[] size = new int[ids.length];
        for (int x : c) {
            size[x]++;
        }
        double total = 0;
        double[] sum = new double[ids.length];
        for (int i = 0; i < n; i++) {
            Arrays.fill(sum, 0);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sum[c[j]] += d.between(i, j);
                }
            }
            if (size[c[i]] == 1) {
                continue;
            }
            double a = sum[c[i]] / (size[c[i]] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int q = 0; q < ids.length; q++) {
                if (q != c[i]) {
                    b = Math.min(b, sum[q] / size[q]);
                }
            }
            double top = Math.max(a, b);
            total += top > 0 ? (b - a) / top : 0;
        }
        return total / n;
    }
}
