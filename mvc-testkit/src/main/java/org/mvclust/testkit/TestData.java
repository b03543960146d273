package org.mvclust.testkit;

import java.util.List;
import java.util.Random;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;

/** Small seeded multi-view blobs for the tests of the runtime and of the presets. */
public final class TestData {
    private TestData() {
    }

    /** {@code k} well separated clusters seen in views of the given widths. */
    public static MultiViewData blobs(int n, int k, long seed, int... dims) {
        Random rng = new Random(seed);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % k;
        }
        List<Matrix> views = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        for (int d : dims) {
            float[][] centres = new float[k][d];
            for (float[] c : centres) {
                for (int j = 0; j < d; j++) {
                    c[j] = (float) (rng.nextGaussian() * 3);
                }
            }
            Matrix m = Matrix.zeros(n, d);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    m.set(i, j, centres[labels[i]][j] + (float) rng.nextGaussian());
                }
            }
            views.add(m);
            names.add("v" + views.size());
        }
        return new MultiViewData("blobs", names, views, labels);
    }
}
