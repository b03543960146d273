package org.mvclust.datasets;

import org.mvclust.api.DatasetException;

/** One MATLAB array of a v5 or v7.3 file, in MATLAB orientation (rows × cols, column-major). */
interface MatVar {
    enum Kind { NUMERIC, SPARSE, CELL, CHAR, OTHER }

    /** Receives the stored entries of a sparse matrix. */
    interface EntrySink {
        void accept(int row, int col, double value);
    }

    Kind kind();

    /** Whether the array holds complex values (only its real part would be read). */
    default boolean complex() {
        return false;
    }

    /** The MATLAB class, e.g. double, uint8, cell, char, struct. */
    String type();

    /** MATLAB dimensions; at least two. */
    int[] dims();

    default int rows() {
        return dims()[0];
    }

    /** Columns, with trailing dimensions folded in. */
    default int cols() {
        int[] d = dims();
        long c = 1;
        for (int i = 1; i < d.length; i++) {
            c *= d[i];
        }
        return (int) Math.min(c, Integer.MAX_VALUE);
    }

    default long numel() {
        long n = 1;
        for (int d : dims()) {
            n *= d;
        }
        return n;
    }

    /** Dense values in column-major order (NUMERIC only). */
    double[] values() throws DatasetException;

    /** Stored entries of a SPARSE matrix; rows and columns already checked to lie inside the matrix. */
    void forEachEntry(EntrySink sink) throws DatasetException;

    /** Element {@code i} (column-major) of a CELL. */
    MatVar cell(int i) throws DatasetException;

    /** The text of a CHAR array. */
    String text() throws DatasetException;

    default String shape() {
        int[] d = dims();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < d.length; i++) {
            s.append(i == 0 ? "" : "×").append(d[i]);
        }
        return s + " " + (kind() == Kind.SPARSE ? "sparse " : "") + type();
    }
}
