package org.mvclust.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Instability of partitions on shared samples, and its chance level, on hand-made partitions. */
class StabilityTest {
    @Test
    void instabilityIsTheDisagreementUnderTheBestMatching() {
        assertThat(Stability.instability(new int[] {0, 0, 1, 1}, new int[] {7, 7, 3, 3})).isZero();
        // best matching 0->5, 1->6 agrees on 4 of 6
        assertThat(Stability.instability(new int[] {0, 0, 0, 1, 1, 1}, new int[] {5, 5, 6, 6, 6, 5})).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void comparesSubsamplesOnTheRowsTheyShare() {
        int[][] s = Stability.shared(new int[] {0, 2, 3, 5}, new int[] {1, 1, 2, 2}, new int[] {1, 2, 5, 6}, new int[] {9, 8, 7, 6});
        assertThat(s[0]).containsExactly(1, 2); // rows 2 and 5
        assertThat(s[1]).containsExactly(8, 7);
        // identical partitions of overlapping subsamples (renamed): instability 0, chance above 0
        List<int[]> rows = List.of(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, new int[] {2, 3, 4, 5, 6, 7, 8, 9});
        List<int[]> labels = List.of(new int[] {0, 0, 1, 1, 2, 2, 0, 0}, new int[] {4, 4, 3, 3, 5, 5, 4, 4});
        Stability.Score score = Stability.of(rows, labels, 0);
        assertThat(score.instability()).isZero();
        assertThat(score.chance()).isPositive();
        assertThat(score.normalised()).isZero();
        // one disagreement among the 6 shared rows: 1/6, divided by the chance level
        Stability.Score one = Stability.of(rows, List.of(labels.get(0), new int[] {4, 4, 3, 3, 5, 4, 4, 4}), 0);
        assertThat(one.instability()).isCloseTo(1 / 6.0, within(1e-12));
        assertThat(one.normalised()).isCloseTo(one.instability() / one.chance(), within(1e-12));
    }

    @Test
    void subsamplesAreDistinctSortedAndSeeded() {
        int[] a = Stability.subsample(100, 80, 3);
        assertThat(a).hasSize(80).isSorted().doesNotHaveDuplicates();
        assertThat(a[79]).isLessThan(100);
        assertThat(Stability.subsample(100, 80, 3)).isEqualTo(a);
        assertThat(Stability.subsample(100, 80, 4)).isNotEqualTo(a);
    }
}
