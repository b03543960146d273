package org.mvclust.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;

/** The eigengap on block-diagonal affinities and on separated point clouds; the self-tuning affinity's spectrum against numpy. */
class EigengapTest {
    @Test
    void blockDiagonalAffinityHasAsManyZeroEigenvaluesAsBlocks() {
        int[] sizes = {5, 7, 4};
        int n = 16;
        double[][] w = new double[n][n];
        int start = 0;
        for (int size : sizes) {
            for (int i = start; i < start + size; i++) {
                for (int j = start; j < start + size; j++) {
                    w[i][j] = i == j ? 0 : 1;
                }
            }
            start += size;
        }
        double[] s = Eigengap.laplacianSpectrum(w);
        assertThat(s[0]).isCloseTo(0, within(1e-12));
        assertThat(s[2]).isCloseTo(0, within(1e-12));
        // a complete graph on m nodes: the normalised Laplacian's other eigenvalues are m / (m - 1)
        assertThat(s[3]).isCloseTo(7 / 6.0, within(1e-12));
        assertThat(Eigengap.choose(s, 2, 10)).isEqualTo(3);
        assertThat(Eigengap.choose(s, 4, 10)).isNotEqualTo(3);
    }

    @Test
    void separatedCloudsInTwoViews() {
        int k = 4;
        int n = 120;
        Random rng = new Random(1);
        float[] a = new float[n * 2];
        float[] b = new float[n * 3];
        for (int i = 0; i < n; i++) {
            int c = i % k;
            a[2 * i] = (float) (10 * c + rng.nextGaussian());
            a[2 * i + 1] = (float) rng.nextGaussian();
            for (int f = 0; f < 3; f++) {
                b[3 * i + f] = (float) ((f == c % 3 ? 20 * (1 + c / 3) : 0) + rng.nextGaussian());
            }
        }
        double[] s = Eigengap.spectra(List.of(new Matrix(n, 2, a), new Matrix(n, 3, b))).knn();
        assertThat(Eigengap.choose(s, 2, 10)).isEqualTo(k);
    }

    @Test
    void neighboursAreTheNearestOtherRows() {
        Matrix x = new Matrix(4, 1, new float[] {0, 1, 3, 7});
        int[][] nb = Eigengap.neighbours(x, 2);
        assertThat(nb[0]).containsExactly(1, 2);
        assertThat(nb[2]).containsExactly(1, 0);
        assertThat(nb[3]).containsExactly(2, 1);
    }

    @Test
    void localSpectrumMatchesNumpy() {
        // numpy.linalg.eigvalsh of I - D^-1/2 W D^-1/2, W the mean of the two views'
        // exp(-d^2 / (sigma_i sigma_j)) with sigma_i the distance to the 7th nearest other sample, zero diagonal
        float[] a = {0, 0, 0.5f, 0.25f, 1, 0, 0.25f, 1, 0.75f, 0.75f, 6, 5, 6.5f, 5.5f, 7, 5, 6.25f, 6, 5.5f, 4.75f, 3, 9, 3.5f, 9.25f,
            2.75f, 8.5f};
        float[] b = {1, 1.25f, 0.75f, 1.5f, 1, 4, 4.5f, 4.25f, 3.75f, 4, 9, 8.5f, 9.25f};
        double[] s = Eigengap.spectra(List.of(new Matrix(13, 2, a), new Matrix(13, 1, b))).local();
        assertThat(s).containsExactly(new double[] {7.55507205802876e-16, 0.478665667702006, 0.742409526006634, 1.14568837712349,
            1.15163559274911, 1.15378242624641, 1.15650174390402, 1.1650422039562, 1.17197484386134, 1.17403534840696,
            1.17682129988931, 1.23775694581564, 1.24568602433887}, within(1e-9));
        assertThat(Eigengap.choose(s, 2, 10)).isEqualTo(3);
    }
}
