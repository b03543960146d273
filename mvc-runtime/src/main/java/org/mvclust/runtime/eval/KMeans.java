package org.mvclust.runtime.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.mvclust.api.Matrix;

/**
 * Exact, deterministic k-means: k-means++ seeding and Lloyd iterations.
 *
 * <p>Convergence (as in scikit-learn): stop when the labels no longer change, or when the sum over centroids of the
 * squared centroid shift is at most {@code tol} times the mean per-feature variance of x. The returned labels and
 * inertia always belong to the returned centroids. Rows are processed in fixed-size chunks, possibly in parallel;
 * per-row results do not depend on the thread and all sums run in a fixed order, so a seed gives bit-identical
 * results.
 */
public final class KMeans {
    private static final int CHUNK = 2048;
    private static final long PARALLEL_WORK = 1L << 23;

    /** Labels per row, centroids (k × cols), sum of squared distances, and Lloyd iterations run. */
    public record Result(int[] labels, Matrix centroids, double inertia, int iterations) {}

    private KMeans() {}

    /** k-means++ seeding, Lloyd iterations, `restarts` independent starts from a java.util.SplittableRandom(seed), best inertia kept. */
    public static Result fit(Matrix x, int k, int restarts, int maxIter, double tol, long seed) {
        return fit(x, k, restarts, maxIter, tol, seed, 1);
    }

    /**
     * As {@link #fit(Matrix, int, int, int, double, long)} with greedy k-means++ seeding (scikit-learn's): each centre
     * after the first is the best of {@code trials} candidates drawn by the k-means++ rule, the one that leaves the
     * smallest sum of squared distances to the nearest centre. 1 is plain k-means++; 0 means scikit-learn's
     * 2 + floor(ln k).
     */
    public static Result fit(Matrix x, int k, int restarts, int maxIter, double tol, long seed, int trials) {
        check(x, k, maxIter, tol);
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        }
        if (trials < 0) {
            throw new IllegalArgumentException("trials must be 0 (automatic) or positive, got " + trials);
        }
        int candidates = trials == 0 ? 2 + (int) Math.floor(Math.log(k)) : trials;
        double tolScaled = tol * meanVariance(x);
        SplittableRandom root = new SplittableRandom(seed);
        Result best = null;
        for (int r = 0; r < restarts; r++) {
            Result result = lloyd(x, seedPlusPlus(x, k, candidates, root.split()), k, maxIter, tolScaled);
            if (best == null || result.inertia() < best.inertia()) {
                best = result;
            }
        }
        return best;
    }

    /** The nearest of the {@code centroids}' rows for each row of {@code x} (squared distance, lowest index on ties; a NaN centroid never wins). */
    public static int[] nearest(Matrix x, Matrix centroids) {
        int d = x.cols();
        int k = centroids.rows();
        float[] a = x.data();
        float[] c = centroids.data();
        int[] out = new int[x.rows()];
        for (int i = 0; i < x.rows(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int f = 0; f < d; f++) {
                    double t = a[i * d + f] - c[j * d + f];
                    s += t * t;
                }
                if (s < best) {
                    best = s;
                    out[i] = j;
                }
            }
        }
        return out;
    }

    /** Lloyd iterations from given starting centroids (warm start), no restarts. */
    public static Result fit(Matrix x, Matrix initialCentroids, int maxIter, double tol) {
        int k = initialCentroids.rows();
        check(x, k, maxIter, tol);
        if (initialCentroids.cols() != x.cols()) {
            throw new IllegalArgumentException("initial centroids have " + initialCentroids.cols()
                    + " columns but x has " + x.cols());
        }
        return lloyd(x, initialCentroids.data().clone(), k, maxIter, tol * meanVariance(x));
    }

    private static void check(Matrix x, int k, int maxIter, double tol) {
        if (x.rows() == 0) {
            throw new IllegalArgumentException("x has no rows");
        }
        if (k < 1 || k > x.rows()) {
            throw new IllegalArgumentException("k must be between 1 and the number of rows (" + x.rows()
                    + "), got " + k);
        }
        if (maxIter < 0) {
            throw new IllegalArgumentException("maxIter must be non-negative, got " + maxIter);
        }
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("tol must be finite and non-negative, got " + tol);
        }
        for (float v : x.data()) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("x has a non-finite value: " + v);
            }
        }
    }

    private static Result lloyd(Matrix x, float[] centroids, int k, int maxIter, double tolScaled) {
        int n = x.rows();
        int d = x.cols();
        float[] mean = columnMean(x);
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        double[] dist = new double[n];
        float[] c = centroids;
        assign(x, mean, c, k, labels, dist);
        int iterations = 0;
        while (iterations < maxIter) {
            float[] next = update(x, c, k, labels, dist);
            double shift = 0;
            for (int i = 0; i < next.length; i++) {
                double t = next[i] - c[i];
                shift += t * t;
            }
            c = next;
            iterations++;
            boolean changed = assign(x, mean, c, k, labels, dist);
            if (!changed || shift <= tolScaled) {
                break;
            }
        }
        double inertia = 0;
        for (double v : dist) {
            inertia += v;
        }
        return new Result(labels, new Matrix(k, d, c), inertia, iterations);
    }

    /** Nearest centroid per row (lowest index on ties) and its squared distance; returns whether any label changed. */
    private static boolean assign(Matrix x, float[] mean, float[] c, int k, int[] labels, double[] dist) {
        int n = x.rows();
        int d = x.cols();
        // score_j(x) = |c'_j|² + 2 m·c'_j − 2 x·c'_j with c' = c − m, equal to |x − c_j|² − |x − m|²; centring on
        // the data mean m keeps float rounding small. The x·c' terms run over a transposed d × k layout.
        float[] weights = new float[d * k];
        float[] bias = new float[k];
        for (int j = 0; j < k; j++) {
            double norm = 0;
            double cross = 0;
            for (int t = 0; t < d; t++) {
                double shifted = (double) c[j * d + t] - mean[t];
                norm += shifted * shifted;
                cross += mean[t] * shifted;
                weights[t * k + j] = (float) (-2 * shifted);
            }
            bias[j] = (float) (norm + 2 * cross);
        }
        int chunks = (n + CHUNK - 1) / CHUNK;
        boolean[] changed = new boolean[chunks];
        IntStream ids = IntStream.range(0, chunks);
        if ((long) n * k * d >= PARALLEL_WORK) {
            ids = ids.parallel();
        }
        ids.forEach(chunk -> {
            float[] data = x.data();
            float[] score = new float[k];
            int end = Math.min(n, (chunk + 1) * CHUNK);
            for (int i = chunk * CHUNK; i < end; i++) {
                int row = i * d;
                System.arraycopy(bias, 0, score, 0, k);
                for (int t = 0; t < d; t++) {
                    float v = data[row + t];
                    int base = t * k;
                    for (int j = 0; j < k; j++) {
                        score[j] += v * weights[base + j];
                    }
                }
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (score[j] < score[best]) {
                        best = j;
                    }
                }
                dist[i] = squaredDistance(data, row, c, best * d, d);
                if (labels[i] != best) {
                    labels[i] = best;
                    changed[chunk] = true;
                }
            }
        });
        for (boolean b : changed) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /** Cluster means; an empty cluster is re-seeded on a point farthest from its centroid, or keeps its centroid. */
    private static float[] update(Matrix x, float[] c, int k, int[] labels, double[] dist) {
        int n = x.rows();
        int d = x.cols();
        float[] data = x.data();
        double[] sums = new double[k * d];
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            int base = labels[i] * d;
            int row = i * d;
            for (int t = 0; t < d; t++) {
                sums[base + t] += data[row + t];
            }
            counts[labels[i]]++;
        }
        int[] empty = IntStream.range(0, k).filter(j -> counts[j] == 0).toArray();
        if (empty.length > 0) {
            int[] far = farthest(dist, empty.length);
            for (int e = 0; e < far.length; e++) {
                int p = far[e];
                int from = labels[p];
                int to = empty[e];
                for (int t = 0; t < d; t++) {
                    sums[from * d + t] -= data[p * d + t];
                    sums[to * d + t] = data[p * d + t];
                }
                counts[from]--;
                counts[to] = 1;
                labels[p] = to;
                dist[p] = 0;
            }
        }
        float[] next = new float[k * d];
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < d; t++) {
                next[j * d + t] = counts[j] == 0 ? c[j * d + t] : (float) (sums[j * d + t] / counts[j]);
            }
        }
        return next;
    }

    /** Up to m rows with the largest positive distance (ties by lower index), in ascending row order. */
    private static int[] farthest(double[] dist, int m) {
        double[] sorted = dist.clone();
        Arrays.sort(sorted);
        double threshold = sorted[Math.max(0, sorted.length - m)];
        int above = 0;
        for (double v : dist) {
            if (v > threshold) {
                above++;
            }
        }
        int[] picks = new int[m];
        int count = 0;
        int tiesLeft = m - above;
        for (int i = 0; i < dist.length && count < m; i++) {
            if (dist[i] > threshold || (dist[i] == threshold && threshold > 0 && tiesLeft-- > 0)) {
                picks[count++] = i;
            }
        }
        return Arrays.copyOf(picks, count);
    }

    /**
     * k-means++: first centroid uniform, each next one drawn with probability proportional to squared distance; with
     * trials > 1, the best of that many such draws (lowest potential: sum over rows of the squared distance to the
     * nearest centroid).
     */
    private static float[] seedPlusPlus(Matrix x, int k, int trials, SplittableRandom rng) {
        int n = x.rows();
        int d = x.cols();
        float[] data = x.data();
        float[] c = new float[k * d];
        double[] minDist = new double[n];
        Arrays.fill(minDist, Double.POSITIVE_INFINITY);
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[] chunkSums = new double[chunks];
        boolean parallel = (long) n * k * d >= PARALLEL_WORK;
        int pick = rng.nextInt(n);
        for (int j = 0; j < k; j++) {
            System.arraycopy(data, pick * d, c, j * d, d);
            if (j == k - 1) {
                break;
            }
            potential(data, d, c, j * d, minDist, chunkSums, parallel, true);
            if (trials <= 1) {
                pick = sample(minDist, chunkSums, rng);
                continue;
            }
            double bestPot = Double.POSITIVE_INFINITY;
            double[] scratch = new double[chunks];
            for (int t = 0; t < trials; t++) {
                int candidate = sample(minDist, chunkSums, rng);
                double pot = potential(data, d, data, candidate * d, minDist, scratch, parallel, false);
                if (pot < bestPot) {
                    bestPot = pot;
                    pick = candidate;
                }
            }
        }
        return c;
    }

    /**
     * Σ_i min(minDist_i, |x_i − centre|²) with per-chunk sums in {@code chunkSums} (summed in chunk order, so the
     * result does not depend on threads); {@code fold} also stores the minima in minDist.
     */
    private static double potential(float[] data, int d, float[] centres, int centre, double[] minDist, double[] chunkSums,
                                    boolean parallel, boolean fold) {
        int n = minDist.length;
        IntStream ids = IntStream.range(0, chunkSums.length);
        if (parallel) {
            ids = ids.parallel();
        }
        ids.forEach(chunk -> {
            int end = Math.min(n, (chunk + 1) * CHUNK);
            double sum = 0;
            for (int i = chunk * CHUNK; i < end; i++) {
                double m = Math.min(minDist[i], squaredDistance(data, i * d, centres, centre, d));
                if (fold) {
                    minDist[i] = m;
                }
                sum += m;
            }
            chunkSums[chunk] = sum;
        });
        double total = 0;
        for (double s : chunkSums) {
            total += s;
        }
        return total;
    }

    /** A row drawn with probability proportional to its weight, or uniformly when all weights are zero. */
    private static int sample(double[] weight, double[] chunkSums, SplittableRandom rng) {
        double total = 0;
        for (double s : chunkSums) {
            total += s;
        }
        if (!(total > 0)) {
            return rng.nextInt(weight.length);
        }
        double r = rng.nextDouble() * total;
        int chunk = 0;
        while (chunk < chunkSums.length - 1 && r >= chunkSums[chunk]) {
            r -= chunkSums[chunk];
            chunk++;
        }
        int last = -1;
        int end = Math.min(weight.length, (chunk + 1) * CHUNK);
        for (int i = chunk * CHUNK; i < end; i++) {
            if (weight[i] > 0) {
                last = i;
                if (r < weight[i]) {
                    return i;
                }
                r -= weight[i];
            }
        }
        if (last >= 0) {
            return last;
        }
        for (int i = weight.length - 1; ; i--) {
            if (weight[i] > 0) {
                return i;
            }
        }
    }

    private static double squaredDistance(float[] a, int offA, float[] b, int offB, int d) {
        double s = 0;
        for (int t = 0; t < d; t++) {
            double diff = (double) a[offA + t] - b[offB + t];
            s += diff * diff;
        }
        return s;
    }

    private static float[] columnMean(Matrix x) {
        int d = x.cols();
        double[] sum = new double[d];
        float[] data = x.data();
        for (int i = 0; i < x.rows(); i++) {
            for (int t = 0; t < d; t++) {
                sum[t] += data[i * d + t];
            }
        }
        float[] mean = new float[d];
        for (int t = 0; t < d; t++) {
            mean[t] = (float) (sum[t] / x.rows());
        }
        return mean;
    }

    private static double meanVariance(Matrix x) {
        int d = x.cols();
        float[] mean = columnMean(x);
        float[] data = x.data();
        double sum = 0;
        for (int i = 0; i < x.rows(); i++) {
            for (int t = 0; t < d; t++) {
                double diff = (double) data[i * d + t] - mean[t];
                sum += diff * diff;
            }
        }
        return sum / ((double) x.rows() * d);
    }
}
