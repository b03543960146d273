package org.mvclust.runtime.model;

import org.mvclust.api.Matrix;
import org.mvclust.runtime.eval.KMeans;

/** Nearest-centroid labels (squared Euclidean distance; NaN centroids, from empty clusters, never win). */
final class Nearest {
    private Nearest() {
    }

    static int[] labels(Matrix x, float[] centroids, int k) {
        return KMeans.nearest(x, new Matrix(k, x.cols(), centroids));
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
