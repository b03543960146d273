package org.mvclust.runtime.model;

import org.mvclust.api.Matrix;

/** Nearest-centroid labels (squared Euclidean distance; NaN centroids, from empty clusters, never win). */
final class Nearest {
    private Nearest() {
    }

    static int[] labels(Matrix x, float[] centroids, int k) {
        int d = x.cols();
        int[] out = new int[x.rows()];
        for (int i = 0; i < x.rows(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double diff = x.get(i, j) - centroids[c * d + j];
                    s += diff * diff;
                }
                if (s < best) {
                    best = s;
                    out[i] = c;
                }
            }
        }
        return out;
    }

    /** The fraction of rows whose nearest centroid is their label. */
    static double agreement(Matrix x, float[] centroids, int k, int[] labels) {
        int[] near = labels(x, centroids, k);
        int same = 0;
        for (int i = 0; i < near.length; i++) {
            same += near[i] == labels[i] ? 1 : 0;
        }
        return near.length == 0 ? 1.0 : (double) same / near.length;
    }
}
