package org.mvclust.datasets;

import org.mvclust.api.DatasetException;
import org.mvclust.api.Matrix;

/**
 * Converts one view's values to float32, saying what the conversion does: a finite value beyond float32 is an error
 * (not "NaN or infinite" later), values that underflow to 0 are counted, and a view they turn constant is an error.
 */
final class Narrowing {
    private final String file;
    private final String where;
    private long underflow;
    private String firstUnderflow;

    Narrowing(String file, String where) {
        this.file = file;
        this.where = where;
    }

    /** {@code x} as float32; {@code sample}, {@code feature} 0-based, for messages. */
    float apply(double x, int sample, int feature) throws DatasetException {
        float f = (float) x;
        if (Float.isInfinite(f) && Double.isFinite(x)) {
            throw new DatasetException(file + ": " + where + ", sample " + (sample + 1) + ", feature " + (feature + 1)
                    + " (1-based) is " + x + ", beyond float32 (±3.4e38): rescale the data before loading it");
        }
        if (f == 0 && x != 0 && Double.isFinite(x)) {
            if (underflow++ == 0) {
                firstUnderflow = x + " at sample " + (sample + 1) + ", feature " + (feature + 1);
            }
        }
        return f;
    }

    /** The finished view; an error if underflow made it constant, a warning if some values underflowed. */
    Matrix done(Matrix m) throws DatasetException {
        if (underflow == 0) {
            return m;
        }
        if (Checks.constant(m)) {
            throw new DatasetException(file + ": " + where + ": " + underflow + " values are below float32's range and "
                    + "become 0, which leaves the view constant (first " + firstUnderflow + "): rescale the data");
        }
        System.err.println("mvclust: " + file + ": " + where + ": " + underflow + " nonzero values are below float32's "
                + "range and read as 0 (first " + firstUnderflow + ")");
        return m;
    }
}
