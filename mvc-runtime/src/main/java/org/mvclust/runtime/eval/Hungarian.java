package org.mvclust.runtime.eval;

import java.util.Arrays;

/** Maximum-weight assignment (Kuhn-Munkres with potentials, O(n²m) for n ≤ m). */
public final class Hungarian {
    private Hungarian() {}

    /** Rows assigned to distinct columns maximising total weight; works for rectangular matrices; returns, per row, the column (or -1). */
    public static int[] maximize(double[][] weight) {
        int rows = weight.length;
        if (rows == 0) {
            return new int[0];
        }
        int cols = weight[0].length;
        for (double[] row : weight) {
            if (row.length != cols) {
                throw new IllegalArgumentException("weight matrix rows must have equal lengths");
            }
            for (double w : row) {
                if (!Double.isFinite(w)) {
                    throw new IllegalArgumentException("weight matrix has a non-finite value: " + w);
                }
            }
        }
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        if (cols == 0) {
            return result;
        }
        if (rows <= cols) {
            int[] colOfRow = minimizeCost(rows, cols, (r, c) -> -weight[r][c]);
            System.arraycopy(colOfRow, 0, result, 0, rows);
        } else {
            // More rows than columns: solve the transpose, so every column gets a row.
            int[] rowOfCol = minimizeCost(cols, rows, (c, r) -> -weight[r][c]);
            for (int c = 0; c < cols; c++) {
                result[rowOfCol[c]] = c;
            }
        }
        return result;
    }

    private interface Cost {
        double at(int row, int col);
    }

    /** Min-cost assignment of every one of n rows to distinct columns among m ≥ n; returns the column per row. */
    private static int[] minimizeCost(int n, int m, Cost cost) {
        // Shortest augmenting paths with row potentials u and column potentials v; index 0 is a sentinel.
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] rowOfCol = new int[m + 1];
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            rowOfCol[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = rowOfCol[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = cost.at(i0 - 1, j - 1) - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[rowOfCol[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOfCol[j0] != 0);
            do {
                int j1 = way[j0];
                rowOfCol[j0] = rowOfCol[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] colOfRow = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOfCol[j] != 0) {
                colOfRow[rowOfCol[j] - 1] = j - 1;
            }
        }
        return colOfRow;
    }
}
