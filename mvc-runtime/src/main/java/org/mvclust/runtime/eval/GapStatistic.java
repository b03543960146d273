package org.mvclust.runtime.eval;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.mvclust.api.Matrix;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.Svd;
import org.tensorflow.types.TFloat64;

/**
 * The gap statistic (Tibshirani, Walther & Hastie 2001, "Estimating the number of clusters in a data set via the gap
 * statistic", JRSS B 63(2)) with k-means on the views side by side: {@code Gap(k) = mean_b log W*_kb - log W_k}, W the
 * k-means inertia, {@link #REFERENCES} reference sets drawn as {@link Reference} says. At most {@link Eigengap#MAX_SAMPLES}
 * evenly spaced samples.
 */
public final class GapStatistic {
    public static final int REFERENCES = 10;
    public static final int RESTARTS = 3;

    /** The reference distribution: the paper's options (a) and (b). */
    public enum Reference {
        /** Uniform over each column's range. */
        UNIFORM,
        /** Uniform over the ranges of the centred data's principal-component scores U D (X = U D V'). */
        PCA
    }

    /** Per k from {@code min}: log W_k, the gap and its standard error s_k = sd_b(log W*_kb) sqrt(1 + 1/B). */
    public record Score(int min, double[] logW, double[] gap, double[] error) {
        /** The smallest k with Gap(k) >= Gap(k+1) - s_(k+1) (the paper's rule), else the largest k scored. */
        public int choose() {
            for (int i = 0; i + 1 < gap.length; i++) {
                if (gap[i] >= gap[i + 1] - error[i + 1]) {
                    return min + i;
                }
            }
            return min + gap.length - 1;
        }
    }

    private GapStatistic() {
    }

    /** Scores k = min..max on the views' (at most {@link Eigengap#MAX_SAMPLES}) rows side by side; a line per k to {@code log} unless null. */
    public static Score of(List<Matrix> views, int min, int max, long seed, Reference kind, PrintStream log) {
        Matrix x = sideBySide(views);
        Matrix box = kind == Reference.PCA ? principalScores(x) : x;
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix[] reference = new Matrix[REFERENCES];
        for (int b = 0; b < REFERENCES; b++) {
            reference[b] = uniform(box, rng.split());
        }
        int count = max - min + 1;
        double[] logW = new double[count];
        double[] gap = new double[count];
        double[] error = new double[count];
        for (int k = min; k <= max; k++) {
            logW[k - min] = Math.log(KMeans.fit(x, k, RESTARTS, 300, 1e-4, seed, 0).inertia());
            double[] ref = new double[REFERENCES];
            double mean = 0;
            for (int b = 0; b < REFERENCES; b++) {
                ref[b] = Math.log(KMeans.fit(reference[b], k, RESTARTS, 300, 1e-4, seed + b + 1, 0).inertia());
                mean += ref[b] / REFERENCES;
            }
            double var = 0;
            for (double r : ref) {
                var += (r - mean) * (r - mean) / REFERENCES;
            }
            gap[k - min] = mean - logW[k - min];
            error[k - min] = Math.sqrt(var) * Math.sqrt(1 + 1.0 / REFERENCES);
            if (log != null) {
                log.printf(Locale.ROOT, "k %d: gap statistic %.4f (standard error %.4f)%n", k, gap[k - min], error[k - min]);
            }
        }
        return new Score(min, logW, gap, error);
    }

    private static Matrix sideBySide(List<Matrix> views) {
        int[] rows = EvenRows.of(views.get(0).rows(), Eigengap.MAX_SAMPLES);
        return Health.concat(views.stream().map(v -> EvenRows.select(v, rows)).toList());
    }

    /** U D of the column-centred {@code x} = U D V' (thin SVD): its coordinates in the principal axes. */
    static Matrix principalScores(Matrix x) {
        int n = x.rows();
        int d = x.cols();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < d; f++) {
                mean[f] += x.data()[i * d + f] / (double) n;
            }
        }
        double[] centred = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < d; f++) {
                centred[i * d + f] = x.data()[i * d + f] - mean[f];
            }
        }
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Svd<TFloat64> svd = tf.linalg.svd(tf.constant(Shape.of(n, d), DataBuffers.of(centred, true, false)),
                    Svd.computeUv(true), Svd.fullMatrices(false));
            try (Session s = new Session(g); Result r = s.runner().fetch(tf.math.mul(svd.u(), svd.s())).run()) {
                TFloat64 t = (TFloat64) r.get(0);
                int rank = (int) t.shape().get(1);
                float[] out = new float[n * rank];
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < rank; c++) {
                        out[i * rank + c] = (float) t.getDouble(i, c);
                    }
                }
                return new Matrix(n, rank, out);
            }
        }
    }

    /** As many rows as {@code x}, each column uniform over that column's range in {@code x}. */
    private static Matrix uniform(Matrix x, SplittableRandom rng) {
        int n = x.rows();
        int d = x.cols();
        float[] lo = new float[d];
        float[] hi = new float[d];
        Arrays.fill(lo, Float.POSITIVE_INFINITY);
        Arrays.fill(hi, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < d; f++) {
                lo[f] = Math.min(lo[f], x.data()[i * d + f]);
                hi[f] = Math.max(hi[f], x.data()[i * d + f]);
            }
        }
        float[] out = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < d; f++) {
                out[i * d + f] = (float) (lo[f] + (hi[f] - lo[f]) * rng.nextDouble());
            }
        }
        return new Matrix(n, d, out);
    }
}
