package org.mvclust.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;

/**
 * Calinski-Harabasz and Davies-Bouldin against scikit-learn 1.9.1 ({@code calinski_harabasz_score},
 * {@code davies_bouldin_score}) on 12 points in 3 dimensions, split here into two views (columns 0-1 and 2).
 */
class SeparationTest {
    private static final float[] X = {2f, -2.5f, 0.5f, -0.5f, -0.5f, -0.25f, -2f, -0.25f, -0.75f, 3.25f, 0.25f, -0.25f, 2.75f,
        2.25f, 2f, 2.5f, 3.5f, 2.75f, 4f, 2.75f, 3f, 4.5f, 3.5f, 2.5f, -2.25f, -1.5f, 0f, -2.25f, -2.25f, -1f, -3f, -2.25f,
        -1f, -1.5f, -2f, -1.25f};
    private static final int[] LABELS = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 1};

    private static Separation twoViews() {
        float[] a = new float[24];
        float[] b = new float[12];
        for (int i = 0; i < 12; i++) {
            a[2 * i] = X[3 * i];
            a[2 * i + 1] = X[3 * i + 1];
            b[i] = X[3 * i + 2];
        }
        return new Separation(List.of(new Matrix(12, 2, a), new Matrix(12, 1, b)));
    }

    @Test
    void matchScikitLearn() {
        Separation s = twoViews();
        assertThat(s.calinskiHarabasz(null, LABELS)).isCloseTo(5.3783016880415, within(1e-5));
        assertThat(s.daviesBouldin(null, LABELS)).isCloseTo(1.14250766212262, within(1e-6));
        // renaming the clusters changes nothing
        int[] renamed = java.util.Arrays.stream(LABELS).map(l -> 7 - 3 * l).toArray();
        assertThat(s.calinskiHarabasz(null, renamed)).isCloseTo(5.3783016880415, within(1e-5));
    }

    @Test
    void aSubsampleIsScoredOnItsRows() {
        int[] rows = {0, 2, 3, 5, 6, 9, 10, 11};
        int[] labels = java.util.Arrays.stream(rows).map(r -> LABELS[r]).toArray();
        Separation s = twoViews();
        assertThat(s.calinskiHarabasz(rows, labels)).isCloseTo(1.90629456504516, within(1e-5));
        assertThat(s.daviesBouldin(rows, labels)).isCloseTo(1.69175177600118, within(1e-6));
    }

    @Test
    void oneClusterIsUndefined() {
        Separation s = twoViews();
        assertThat(s.calinskiHarabasz(null, new int[12])).isNaN();
        assertThat(s.daviesBouldin(null, new int[12])).isNaN();
    }
}
