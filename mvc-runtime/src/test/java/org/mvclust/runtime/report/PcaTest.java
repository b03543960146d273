package org.mvclust.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;

class PcaTest {
    /** The matrix of scripts/pca_fixture.py. */
    private static final float[][] X = {
        {2.5f, 2.4f, 0.5f, 1.0f}, {0.5f, 0.7f, 1.5f, 0.0f}, {2.2f, 2.9f, 0.2f, 1.5f}, {1.9f, 2.2f, 0.9f, 0.5f},
        {3.1f, 3.0f, -0.3f, 2.0f}, {2.3f, 2.7f, 0.4f, 1.0f}, {2.0f, 1.6f, 1.1f, -0.5f}, {1.0f, 1.1f, 1.8f, 0.5f},
        {1.5f, 1.6f, 0.6f, 0.0f}, {1.1f, 0.9f, 1.4f, 1.0f}};

    @Test
    void matchesNumpyEigendecompositionOfTheCovariance() {
        Pca.Fit fit = Pca.fit(matrix(X), 2);
        // numpy on the float-rounded matrix: eigh(cov(X)) sorted descending, sign so that the largest |entry| is positive (scripts/pca_fixture.py)
        assertThat(fit.variances()).containsExactly(new double[] {1.949752231878, 0.276075178899}, within(1e-9));
        assertThat(fit.totalVariance()).isCloseTo(2.322999999476807, within(1e-12));
        assertThat(fit.components()[0]).containsExactly(
                new double[] {0.532677914017, 0.589483841852, -0.439702898692, 0.418836962309}, within(1e-8));
        assertThat(fit.components()[1]).containsExactly(
                new double[] {-0.346694381595, -0.214922441685, 0.149777374729, 0.900654255444}, within(1e-8));
        double[][] scores = fit.project(matrix(X));
        assertThat(scores[0]).containsExactly(new double[] {0.918353870563, -0.120765845385}, within(1e-9));
        assertThat(scores[1]).containsExactly(new double[] {-2.007664412865, 0.187114211012}, within(1e-9));
        assertThat(scores[2]).containsExactly(new double[] {1.394621792135, 0.281175147469}, within(1e-9));
    }

    @Test
    void componentsAreOrthonormalAndScoresHaveTheirVariance() {
        Random rng = new Random(3);
        int n = 400;
        int d = 12;
        float[][] x = new float[n][d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) (rng.nextGaussian() * (j + 1));
            }
        }
        Pca.Fit fit = Pca.fit(matrix(x), 3);
        double[][] c = fit.components();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertThat(dot(c[a], c[b])).isCloseTo(a == b ? 1 : 0, within(1e-9));
            }
        }
        assertThat(fit.variances()[0]).isGreaterThanOrEqualTo(fit.variances()[1]);
        assertThat(fit.variances()[1]).isGreaterThanOrEqualTo(fit.variances()[2]);
        double[][] s = fit.project(matrix(x));
        for (int k = 0; k < 3; k++) {
            double ss = 0;
            double mean = 0;
            for (double[] r : s) {
                mean += r[k] / n;
            }
            for (double[] r : s) {
                ss += (r[k] - mean) * (r[k] - mean);
            }
            assertThat(mean).isCloseTo(0, within(1e-4));
            assertThat(ss / (n - 1)).isCloseTo(fit.variances()[k], within(1e-3 * fit.variances()[k]));
        }
    }

    @Test
    void degenerateDataGivesZeroVarianceComponentsInsteadOfFailing() {
        // points on a line in 3-D: one direction of variance, the second component has none
        float[][] line = new float[20][];
        for (int i = 0; i < line.length; i++) {
            line[i] = new float[] {i, 2 * i, -i};
        }
        Pca.Fit fit = Pca.fit(matrix(line), 2);
        assertThat(fit.variances()[0]).isCloseTo(fit.totalVariance(), within(1e-6 * fit.totalVariance()));
        assertThat(fit.variances()[1]).isCloseTo(0, within(1e-6));
        assertThat(fit.components()[0]).containsExactly(
                new double[] {1 / Math.sqrt(6), 2 / Math.sqrt(6), -1 / Math.sqrt(6)}, within(1e-9));
    }

    @Test
    void moreComponentsThanColumnsAndConstantDataAreAllowed() {
        Pca.Fit one = Pca.fit(matrix(new float[][] {{1}, {3}, {5}}), 2);
        assertThat(one.variances()).containsExactly(new double[] {4, 0}, within(1e-12));
        assertThat(one.components()[0]).containsExactly(1.0);
        Pca.Fit constant = Pca.fit(matrix(new float[][] {{2, 2}, {2, 2}}), 2);
        assertThat(constant.variances()).containsExactly(0, 0);
        assertThat(constant.project(matrix(new float[][] {{2, 2}}))[0]).containsExactly(0, 0);
    }

    private static Matrix matrix(float[][] rows) {
        Matrix m = Matrix.zeros(rows.length, rows[0].length);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                m.set(i, j, rows[i][j]);
            }
        }
        return m;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
