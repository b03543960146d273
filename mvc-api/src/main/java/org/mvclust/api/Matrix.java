package org.mvclust.api;

/** A dense row-major float matrix (rows = samples). */
public record Matrix(int rows, int cols, float[] data) {
    public Matrix {
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException(rows + "×" + cols + " matrix needs " + (long) rows * cols
                    + " values, got " + data.length);
        }
    }

    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new float[Math.multiplyExact(rows, cols)]);
    }

    public float get(int r, int c) {
        return data[r * cols + c];
    }

    public void set(int r, int c, float v) {
        data[r * cols + c] = v;
    }

    /** A new matrix of the given rows, in that order. */
    public Matrix selectRows(int[] rows) {
        float[] out = new float[Math.multiplyExact(rows.length, cols)];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(data, rows[i] * cols, out, i * cols, cols);
        }
        return new Matrix(rows.length, cols, out);
    }
}
