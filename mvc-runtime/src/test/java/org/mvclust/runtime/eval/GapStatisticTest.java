package org.mvclust.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;

/** The gap statistic: its selection rule on hand-made scores, W_k as k-means' inertia, blobs and uniform noise. */
class GapStatisticTest {
    @Test
    void choosesTheSmallestKWithinOneErrorOfTheNext() {
        GapStatistic.Score s = new GapStatistic.Score(2, new double[4], new double[] {0.1, 0.5, 0.55, 0.4}, new double[] {0.01, 0.01, 0.1, 0.01});
        assertThat(s.choose()).isEqualTo(3); // 0.5 >= 0.55 - 0.1; 0.1 < 0.5 - 0.01
        assertThat(new GapStatistic.Score(2, new double[3], new double[] {0.1, 0.2, 0.3}, new double[3]).choose()).isEqualTo(4);
    }

    @Test
    void findsFiveBlobsAndItsLogWIsTheKMeansInertia() {
        Random rng = new Random(3);
        int n = 150;
        float[] a = new float[n * 2];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            int c = i % 5;
            a[2 * i] = (float) (8 * c + rng.nextGaussian());
            a[2 * i + 1] = (float) rng.nextGaussian();
            b[i] = (float) (8 * (c % 2) + rng.nextGaussian());
        }
        Matrix va = new Matrix(n, 2, a);
        GapStatistic.Score s = GapStatistic.of(List.of(va, new Matrix(n, 1, b)), 2, 8, 0, null);
        assertThat(s.choose()).isEqualTo(5);
        float[] both = new float[n * 3];
        for (int i = 0; i < n; i++) {
            both[3 * i] = a[2 * i];
            both[3 * i + 1] = a[2 * i + 1];
            both[3 * i + 2] = b[i];
        }
        double inertia = KMeans.fit(new Matrix(n, 3, both), 4, GapStatistic.RESTARTS, 300, 1e-4, 0, 0).inertia();
        assertThat(s.logW()[2]).isCloseTo(Math.log(inertia), within(1e-12));
        assertThat(java.util.Arrays.stream(s.error()).min().orElseThrow()).isPositive();
    }

    @Test
    void uniformNoiseHasNoStructureBeyondTheSmallestK() {
        Random rng = new Random(4);
        float[] x = new float[200 * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextFloat();
        }
        assertThat(GapStatistic.of(List.of(new Matrix(200, 3, x)), 2, 8, 1, null).choose()).isEqualTo(2);
    }
}
