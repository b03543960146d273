package org.mvclust.runtime.eval;

import java.util.stream.IntStream;
import org.mvclust.api.Matrix;

/** The evenly spaced subsample the label-free measures read (row i·n/m of n), and row selection. */
final class EvenRows {
    private EvenRows() {
    }

    /** Rows i·n/m for i below m = min(n, max). */
    static int[] of(int n, int max) {
        int m = Math.min(n, max);
        return IntStream.range(0, m).map(i -> (int) ((long) i * n / m)).toArray();
    }

    /** The given rows of {@code v}; {@code v} itself when there are as many as it has (the evenly spaced rows of all). */
    static Matrix select(Matrix v, int[] rows) {
        return rows.length == v.rows() ? v : v.selectRows(rows);
    }
}
