package org.mvclust.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;

/** Mean silhouette widths computed by hand. */
class SilhouetteTest {
    @Test
    void twoPairsOnALine() {
        // points 0, 1, 10, 11: a = 1 for all; b = 10.5 for 0 and 11, 9.5 for 1 and 10
        double expected = (9.5 / 10.5 + 8.5 / 9.5) / 2;
        Matrix x = new Matrix(4, 1, new float[] {0, 1, 10, 11});
        Silhouette s = Silhouette.of(List.of(x));
        assertThat(s.score(null, new int[] {0, 0, 1, 1})).isCloseTo(expected, within(1e-6));
        // the same points in two views (one per coordinate, the other coordinate zero) give the same distances
        Matrix zero = new Matrix(4, 1, new float[4]);
        assertThat(Silhouette.of(List.of(x, zero)).score(null, new int[] {3, 3, 5, 5})).isCloseTo(expected, within(1e-6));
    }

    @Test
    void singletonsScoreZeroAndOneClusterIsUndefined() {
        Matrix x = new Matrix(3, 1, new float[] {0, 2, 5});
        Silhouette s = Silhouette.of(List.of(x));
        // {0, 2} and {5}: sample 0: a = 2, b = 5 -> 0.6; sample 2: a = 2, b = 3 -> 1/3; the singleton 0
        assertThat(s.score(null, new int[] {0, 0, 1})).isCloseTo((0.6 + 1 / 3.0) / 3, within(1e-6));
        assertThat(s.score(null, new int[] {4, 4, 4})).isNaN();
    }

    @Test
    void scoresASubsampleOnItsRows() {
        Matrix x = new Matrix(6, 1, new float[] {0, 100, 1, 100, 10, 11});
        Silhouette s = Silhouette.of(List.of(x));
        // rows 0, 2, 4, 5 are the line 0, 1, 10, 11 above
        assertThat(s.score(new int[] {0, 2, 4, 5}, new int[] {0, 0, 1, 1})).isCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, within(1e-6));
    }
}
