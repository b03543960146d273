package org.mvclust.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HungarianTest {

    @Test
    void matchesBruteForceOnRandomMatrices() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 600; trial++) {
            int rows = rng.nextInt(1, 8);
            int cols = rng.nextInt(1, 8);
            boolean smallInts = trial % 2 == 0; // many ties
            double[][] w = new double[rows][cols];
            for (double[] row : w) {
                for (int c = 0; c < cols; c++) {
                    row[c] = smallInts ? rng.nextInt(-3, 4) : rng.nextDouble(-100, 100);
                }
            }
            int[] assignment = Hungarian.maximize(w);
            assertThat(assignment).hasSize(rows);
            assertThat(Arrays.stream(assignment).filter(c -> c >= 0).distinct().count())
                    .as("distinct assigned columns").isEqualTo(Math.min(rows, cols));
            assertThat(Arrays.stream(assignment).filter(c -> c >= 0).count()).isEqualTo(Math.min(rows, cols));
            assertThat(total(w, assignment)).as("trial %d (%d×%d)", trial, rows, cols)
                    .isCloseTo(bruteForce(w, 0, new boolean[cols]), within(1e-9));
        }
    }

    @Test
    void knownSquareAndRectangularCases() {
        assertThat(Hungarian.maximize(new double[][] {{1, 2}, {3, 10}})).containsExactly(0, 1);
        assertThat(Hungarian.maximize(new double[][] {{5, 1}, {5, 0}})).containsExactly(1, 0);
        // wide: the single row takes its best column
        assertThat(Hungarian.maximize(new double[][] {{1, 7, 3}})).containsExactly(1);
        // tall: the single column goes to its best row, the others get -1
        assertThat(Hungarian.maximize(new double[][] {{1}, {9}, {4}})).containsExactly(-1, 0, -1);
        assertThat(Hungarian.maximize(new double[0][0])).isEmpty();
        assertThat(Hungarian.maximize(new double[][] {{}, {}})).containsExactly(-1, -1);
    }

    @Test
    void rejectsRaggedOrNonFinite() {
        assertThatThrownBy(() -> Hungarian.maximize(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hungarian.maximize(new double[][] {{Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double total(double[][] w, int[] assignment) {
        double s = 0;
        for (int r = 0; r < assignment.length; r++) {
            if (assignment[r] >= 0) {
                s += w[r][assignment[r]];
            }
        }
        return s;
    }

    /** Best total over assignments of min(rows, cols) rows to distinct columns. */
    private static double bruteForce(double[][] w, int row, boolean[] used) {
        int rows = w.length;
        int cols = used.length;
        if (row == rows) {
            return 0;
        }
        double best = Double.NEGATIVE_INFINITY;
        int free = 0;
        for (boolean u : used) {
            free += u ? 0 : 1;
        }
        if (rows - row > free) {
            best = bruteForce(w, row + 1, used); // more rows left than columns: this row may stay unassigned
        }
        for (int c = 0; c < cols; c++) {
            if (!used[c]) {
                used[c] = true;
                best = Math.max(best, w[row][c] + bruteForce(w, row + 1, used));
                used[c] = false;
            }
        }
        return best;
    }
}
