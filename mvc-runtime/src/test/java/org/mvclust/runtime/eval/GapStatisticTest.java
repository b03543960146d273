package org.mvclust.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;

/** The gap statistic: its selection rule on hand-made scores, W_k as k-means' inertia, blobs and uniform noise, the principal-component reference. */
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
        GapStatistic.Score s = GapStatistic.of(List.of(va, new Matrix(n, 1, b)), 2, 8, 0, GapStatistic.Reference.UNIFORM, null);
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
        assertThat(GapStatistic.of(List.of(new Matrix(200, 3, x)), 2, 8, 1, GapStatistic.Reference.UNIFORM, null).choose()).isEqualTo(2);
    }

    @Test
    void principalScoresOfPointsOnADiagonalLieOnTheFirstAxis() {
        Matrix x = new Matrix(4, 2, new float[] {2, 3, 0, 1, 3, 4, -1, 0}); // (1, 1) + t (1, 1), t = 1, -1, 2, -2
        Matrix s = GapStatistic.principalScores(x);
        assertThat(s.cols()).isEqualTo(2);
        float sign = Math.signum(s.data()[0]);
        assertThat(new float[] {sign * s.data()[0], sign * s.data()[2], sign * s.data()[4], sign * s.data()[6]})
                .containsExactly(new float[] {(float) Math.sqrt(2), (float) -Math.sqrt(2), (float) Math.sqrt(8), (float) -Math.sqrt(8)}, within(1e-5f));
        for (int i = 0; i < 4; i++) {
            assertThat(s.data()[2 * i + 1]).isCloseTo(0f, within(1e-5f));
        }
    }

    @Test
    void principalScoresKeepEveryPairwiseDistance() {
        Random rng = new Random(5);
        int n = 30;
        int d = 7;
        float[] v = new float[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextGaussian() * (1 + i % d));
        }
        Matrix x = new Matrix(n, d, v);
        Matrix s = GapStatistic.principalScores(x);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                assertThat(distance(s, i, j)).isCloseTo(distance(x, i, j), within(1e-4 * (1 + distance(x, i, j))));
            }
        }
    }

    @Test
    void thePrincipalReferenceFindsBlobsInAPlaneThatFortyDimensionsHide() {
        Random rng = new Random(6);
        int n = 200;
        int d = 40;
        double[][] basis = new double[2][d];
        for (double[] b : basis) {
            for (int f = 0; f < d; f++) {
                b[f] = rng.nextGaussian() / Math.sqrt(d);
            }
        }
        float[] v = new float[n * d];
        for (int i = 0; i < n; i++) {
            double p = 10 * (i % 4 / 2) + rng.nextGaussian();
            double q = 10 * (i % 2) + rng.nextGaussian();
            for (int f = 0; f < d; f++) {
                v[i * d + f] = (float) (p * basis[0][f] + q * basis[1][f] + 0.01 * rng.nextGaussian());
            }
        }
        List<Matrix> views = List.of(new Matrix(n, d, v));
        assertThat(GapStatistic.of(views, 2, 8, 0, GapStatistic.Reference.PCA, null).choose()).isEqualTo(4);
    }

    private static double distance(Matrix m, int i, int j) {
        double s = 0;
        for (int f = 0; f < m.cols(); f++) {
            double t = m.data()[i * m.cols() + f] - m.data()[j * m.cols() + f];
            s += t * t;
        }
        return Math.sqrt(s);
    }
}
