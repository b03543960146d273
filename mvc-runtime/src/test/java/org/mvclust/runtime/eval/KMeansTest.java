package org.mvclust.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;

class KMeansTest {
    private record Blobs(Matrix x, int[] labels) {}

    /** k Gaussian blobs (sd 1) whose centres are 30 apart on distinct axes, in shuffled row order. */
    private static Blobs blobs(int n, int d, int k, long seed) {
        Random rng = new Random(seed);
        int[] labels = new int[n];
        Matrix x = Matrix.zeros(n, d);
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(k);
            for (int t = 0; t < d; t++) {
                x.set(i, t, (float) (rng.nextGaussian() + (t == labels[i] % d ? 30.0 * (1 + labels[i] / d) : 0)));
            }
        }
        return new Blobs(x, labels);
    }

    private static Matrix trueMeans(Blobs b, int k) {
        int d = b.x().cols();
        double[] sums = new double[k * d];
        int[] counts = new int[k];
        for (int i = 0; i < b.x().rows(); i++) {
            counts[b.labels()[i]]++;
            for (int t = 0; t < d; t++) {
                sums[b.labels()[i] * d + t] += b.x().get(i, t);
            }
        }
        Matrix means = Matrix.zeros(k, d);
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < d; t++) {
                means.set(j, t, (float) (sums[j * d + t] / counts[j]));
            }
        }
        return means;
    }

    private static double squaredDistance(Matrix a, int i, Matrix b, int j) {
        double s = 0;
        for (int t = 0; t < a.cols(); t++) {
            double diff = (double) a.get(i, t) - b.get(j, t);
            s += diff * diff;
        }
        return s;
    }

    @Test
    void recoversSeparatedBlobs() {
        Blobs b = blobs(2000, 60, 10, 1);
        KMeans.Result r = KMeans.fit(b.x(), 10, 10, 300, 1e-4, 42);
        assertThat(Metrics.ari(b.labels(), r.labels())).isEqualTo(1.0);
        assertThat(r.centroids().rows()).isEqualTo(10);
        assertThat(r.centroids().cols()).isEqualTo(60);
        assertThat(r.iterations()).isBetween(1, 300);
    }

    @Test
    void sameSeedSameBits() {
        Blobs b = blobs(700, 8, 7, 2);
        for (long seed : new long[] {0, 1, 99}) {
            KMeans.Result r1 = KMeans.fit(b.x(), 9, 4, 100, 0, seed);
            KMeans.Result r2 = KMeans.fit(b.x(), 9, 4, 100, 0, seed);
            assertThat(r2.labels()).isEqualTo(r1.labels());
            assertThat(r2.centroids().data()).isEqualTo(r1.centroids().data());
            assertThat(r2.inertia()).isEqualTo(r1.inertia());
            assertThat(r2.iterations()).isEqualTo(r1.iterations());
        }
    }

    @Test
    void parallelPathIsDeterministicAndConsistent() {
        // 20000 × 32 × 16 is large enough for rows to be processed in parallel.
        Blobs b = blobs(20000, 32, 16, 3);
        KMeans.Result r1 = KMeans.fit(b.x(), 16, 2, 500, 0, 5);
        KMeans.Result r2 = KMeans.fit(b.x(), 16, 2, 500, 0, 5);
        assertThat(r2.labels()).isEqualTo(r1.labels());
        assertThat(r2.centroids().data()).isEqualTo(r1.centroids().data());
        assertThat(r2.inertia()).isEqualTo(r1.inertia());
        assertConsistent(b.x(), r1);
    }

    /** Labels are nearest centroids, the inertia is their total squared distance and (tol 0) centroids are means. */
    private static void assertConsistent(Matrix x, KMeans.Result r) {
        Matrix c = r.centroids();
        int k = c.rows();
        double inertia = 0;
        double[] sums = new double[k * x.cols()];
        int[] counts = new int[k];
        for (int i = 0; i < x.rows(); i++) {
            int label = r.labels()[i];
            double own = squaredDistance(x, i, c, label);
            for (int j = 0; j < k; j++) {
                assertThat(own).isLessThanOrEqualTo(squaredDistance(x, i, c, j) + 1e-6 * (1 + own));
            }
            inertia += own;
            counts[label]++;
            for (int t = 0; t < x.cols(); t++) {
                sums[label * x.cols() + t] += x.get(i, t);
            }
        }
        assertThat(r.inertia()).isCloseTo(inertia, within(1e-9 * inertia));
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < x.cols(); t++) {
                assertThat((double) c.get(j, t)).isCloseTo(sums[j * x.cols() + t] / counts[j], within(1e-4));
            }
        }
    }

    @Test
    void greedySeedingKeepsTheCandidateThatLowersThePotentialMost() {
        // 12 points in 2-d; with 2 centres and 400 candidates every point of non-negligible weight is drawn, so the
        // second seed must be the point that minimises Σ_i min(|x_i - c0|², |x_i - c|²) given the first seed c0
        Random rng = new Random(3);
        Matrix x = Matrix.zeros(12, 2);
        for (int i = 0; i < 12; i++) {
            x.set(i, 0, (float) (rng.nextGaussian() * 3 + (i < 4 ? 10 : 0)));
            x.set(i, 1, (float) (rng.nextGaussian() * 3));
        }
        for (long seed = 0; seed < 6; seed++) {
            Matrix c = KMeans.fit(x, 2, 1, 0, 1e-4, seed, 400).centroids();
            int first = -1;
            for (int i = 0; i < 12; i++) {
                if (x.get(i, 0) == c.get(0, 0) && x.get(i, 1) == c.get(0, 1)) {
                    first = i;
                }
            }
            assertThat(first).isNotNegative();
            int best = -1;
            double bestPot = Double.POSITIVE_INFINITY;
            for (int cand = 0; cand < 12; cand++) {
                double pot = 0;
                for (int i = 0; i < 12; i++) {
                    pot += Math.min(squaredDistance(x, i, x, first), squaredDistance(x, i, x, cand));
                }
                if (pot < bestPot) {
                    bestPot = pot;
                    best = cand;
                }
            }
            assertThat(new float[] {c.get(1, 0), c.get(1, 1)}).as("seed " + seed)
                    .containsExactly(x.get(best, 0), x.get(best, 1));
        }
    }

    @Test
    void greedySeedingGivesLowerSeedInertiaThanPlainOnAverage() {
        Blobs b = blobs(600, 3, 9, 11);
        double plain = 0;
        double greedy = 0;
        for (long seed = 0; seed < 40; seed++) {
            plain += KMeans.fit(b.x(), 9, 1, 0, 1e-4, seed, 1).inertia();
            greedy += KMeans.fit(b.x(), 9, 1, 0, 1e-4, seed, 0).inertia();
        }
        assertThat(greedy).isLessThan(0.8 * plain);
    }

    @Test
    void negativeTrialsAreRejected() {
        Blobs b = blobs(30, 2, 3, 2);
        assertThatThrownBy(() -> KMeans.fit(b.x(), 3, 1, 10, 1e-4, 9, -1)).hasMessageContaining("trials");
    }

    @Test
    void restartsNeverWorseThanSingleStart() throws IOException {
        Matrix x = fixture().x();
        for (long seed = 0; seed < 8; seed++) {
            double single = KMeans.fit(x, 6, 1, 300, 1e-4, seed).inertia();
            double best = KMeans.fit(x, 6, 10, 300, 1e-4, seed).inertia();
            assertThat(best).isLessThanOrEqualTo(single);
        }
    }

    @Test
    void warmStartFromTrueMeansConvergesAtOnce() {
        Blobs b = blobs(1500, 20, 6, 4);
        Matrix init = trueMeans(b, 6);
        KMeans.Result r = KMeans.fit(b.x(), init, 100, 1e-4);
        assertThat(r.iterations()).isBetween(1, 2);
        assertThat(r.labels()).isEqualTo(b.labels());
        assertThat(init.data()).as("the initial centroids are not modified").isEqualTo(trueMeans(b, 6).data());
        KMeans.Result none = KMeans.fit(b.x(), init, 0, 1e-4);
        assertThat(none.iterations()).isZero();
        assertThat(none.centroids().data()).isEqualTo(init.data());
        assertThat(none.labels()).isEqualTo(b.labels());
    }

    @Test
    void emptyClusterIsReseededOnFarthestPoint() {
        Blobs b = blobs(600, 5, 3, 6);
        Matrix means = trueMeans(b, 3);
        Matrix init = Matrix.zeros(4, 5);
        System.arraycopy(means.data(), 0, init.data(), 0, 15);
        Arrays.fill(init.data(), 15, 20, 1e4f); // attracts no point
        int farthest = 0;
        double far = -1;
        for (int i = 0; i < 600; i++) {
            double dist = squaredDistance(b.x(), i, means, b.labels()[i]);
            if (dist > far) {
                far = dist;
                farthest = i;
            }
        }
        KMeans.Result r = KMeans.fit(b.x(), init, 1, 0);
        float[] reseeded = Arrays.copyOfRange(r.centroids().data(), 15, 20);
        float[] row = Arrays.copyOfRange(b.x().data(), farthest * 5, farthest * 5 + 5);
        assertThat(reseeded).isEqualTo(row);
        assertThat(r.labels()[farthest]).isEqualTo(3);
    }

    @Test
    void moreClustersThanDistinctPoints() {
        Matrix x = new Matrix(8, 2, new float[] {0, 0, 1, 1, 0, 0, 5, 5, 1, 1, 5, 5, 0, 0, 1, 1});
        KMeans.Result r = KMeans.fit(x, 5, 3, 50, 1e-4, 1);
        assertThat(r.inertia()).isZero();
        assertThat(Arrays.stream(r.labels()).distinct().count()).isEqualTo(3);
        assertThat(Metrics.ari(new int[] {0, 1, 0, 2, 1, 2, 0, 1}, r.labels())).isEqualTo(1.0);
    }

    @Test
    void rejectsBadArguments() {
        Matrix x = Matrix.zeros(4, 2);
        assertThatThrownBy(() -> KMeans.fit(x, 5, 1, 10, 1e-4, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be between 1 and the number of rows (4), got 5");
        assertThatThrownBy(() -> KMeans.fit(x, 0, 1, 10, 1e-4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KMeans.fit(x, 2, 0, 10, 1e-4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KMeans.fit(x, Matrix.zeros(2, 3), 10, 1e-4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("columns");
        Matrix nan = new Matrix(2, 1, new float[] {0, Float.NaN});
        assertThatThrownBy(() -> KMeans.fit(nan, 1, 1, 10, 1e-4, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private record Fixture(Matrix x, int[] labels, int k, double sklearnInertia) {}

    /** kmeans_fixtures.csv from scripts/metric_fixtures.py: float32 rows and the best sklearn KMeans(n_init=10) inertia. */
    private Fixture fixture() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("kmeans_fixtures.csv"), StandardCharsets.UTF_8))) {
            String[] header = in.readLine().substring(2).split(" ");
            int k = Integer.parseInt(header[0].split("=")[1]);
            double inertia = Double.parseDouble(header[1].split("=")[1]);
            in.readLine();
            List<String[]> rows = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.split(","));
            }
            int d = rows.get(0).length - 1;
            Matrix x = Matrix.zeros(rows.size(), d);
            int[] labels = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                labels[i] = Integer.parseInt(rows.get(i)[0]);
                for (int t = 0; t < d; t++) {
                    x.set(i, t, Float.parseFloat(rows.get(i)[t + 1]));
                }
            }
            return new Fixture(x, labels, k, inertia);
        }
    }

    @Test
    void inertiaWithinOnePercentOfScikitLearn() throws IOException {
        Fixture f = fixture();
        for (long seed = 0; seed < 5; seed++) {
            KMeans.Result r = KMeans.fit(f.x(), f.k(), 10, 300, 1e-4, seed);
            assertThat(r.inertia()).as("seed %d", seed).isCloseTo(f.sklearnInertia(), within(0.01 * f.sklearnInertia()));
            assertConsistentLabels(f.x(), r);
        }
    }

    private static void assertConsistentLabels(Matrix x, KMeans.Result r) {
        double inertia = 0;
        for (int i = 0; i < x.rows(); i++) {
            inertia += squaredDistance(x, i, r.centroids(), r.labels()[i]);
        }
        assertThat(r.inertia()).isCloseTo(inertia, within(1e-9 * inertia));
    }
}
