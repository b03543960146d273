package org.mvclust.runtime.cli;

/** Some entries of a label vector, in the order given (a matrix's rows: {@code Matrix.selectRows}). */
final class Rows {
    private Rows() {
    }

    static int[] of(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }
}
