package org.mvclust.runtime.cli;

import org.mvclust.api.Matrix;

/** Some rows of a matrix or label vector, in the order given. */
final class Rows {
    private Rows() {
    }

    static Matrix of(Matrix m, int[] rows) {
        float[] x = new float[Math.multiplyExact(rows.length, m.cols())];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(m.data(), rows[i] * m.cols(), x, i * m.cols(), m.cols());
        }
        return new Matrix(rows.length, m.cols(), x);
    }

    static int[] of(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }
}
