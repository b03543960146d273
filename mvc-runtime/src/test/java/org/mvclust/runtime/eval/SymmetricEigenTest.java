package org.mvclust.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Eigenvalues of symmetric matrices against closed forms and invariants. */
class SymmetricEigenTest {
    @Test
    void smallMatricesByHand() {
        assertThat(SymmetricEigen.values(new double[][] {{2, 1}, {1, 2}})).containsExactly(new double[] {1, 3}, within(1e-12));
        assertThat(SymmetricEigen.values(new double[][] {{5, 0, 0}, {0, -1, 0}, {0, 0, 2}})).containsExactly(new double[] {-1, 2, 5}, within(1e-12));
    }

    @Test
    void pathGraphLaplacian() {
        // the Laplacian of a path of n nodes has eigenvalues 2 - 2 cos(pi j / n), j = 0..n-1
        int n = 40;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            l[i][i] = i == 0 || i == n - 1 ? 1 : 2;
            if (i > 0) {
                l[i][i - 1] = l[i - 1][i] = -1;
            }
        }
        double[] v = SymmetricEigen.values(l);
        for (int j = 0; j < n; j++) {
            assertThat(v[j]).isCloseTo(2 - 2 * Math.cos(Math.PI * j / n), within(1e-10));
        }
    }

    @Test
    void randomMatrixKeepsTraceAndFrobeniusNorm() {
        int n = 60;
        Random rng = new Random(3);
        double[][] a = new double[n][n];
        double trace = 0;
        double frob = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = rng.nextGaussian();
            }
        }
        for (int i = 0; i < n; i++) {
            trace += a[i][i];
            for (int j = 0; j < n; j++) {
                frob += a[i][j] * a[i][j];
            }
        }
        double[] v = SymmetricEigen.values(a);
        assertThat(v).isSorted();
        assertThat(java.util.Arrays.stream(v).sum()).isCloseTo(trace, within(1e-9));
        assertThat(java.util.Arrays.stream(v).map(x -> x * x).sum()).isCloseTo(frob, within(1e-8));
    }
}
