package org.mvclust.runtime.eval;

import org.mvclust.api.Matrix;
import org.mvclust.api.Params;
import org.mvclust.api.Readout;

/** The index of the largest entry of each row (for soft-assignment heads). */
public final class ArgmaxReadout implements Readout {
    @Override
    public String name() {
        return "argmax";
    }

    @Override
    public String description() {
        return "Argmax of each row of a soft assignment (samples × clusters)";
    }

    @Override
    public int[] labels(Matrix x, int k, long seed, Params params) {
        return rows(x);
    }

    /** The column of each row's largest value (the first on ties). */
    public static int[] rows(Matrix x) {
        int[] out = new int[x.rows()];
        for (int i = 0; i < x.rows(); i++) {
            int best = 0;
            for (int j = 1; j < x.cols(); j++) {
                if (x.get(i, j) > x.get(i, best)) {
                    best = j;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
