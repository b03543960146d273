package org.mvclust.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.mvclust.api.Matrix;

/**
 * Views derived from one view of square grey images (rows = samples, each image row-major, values 0-255), as the
 * MNIST-derived multi-view benchmarks build them (DeepMVC's make_dataset.py, the mvc re-implementation's mnist_mv).
 */
final class ImageRecipes {
    private ImageRecipes() {
    }

    static int side(Matrix images) {
        int s = (int) Math.round(Math.sqrt(images.cols()));
        if (s * s != images.cols()) {
            throw new IllegalArgumentException("images of " + images.cols() + " values are not square");
        }
        return s;
    }

    /** The edge view: 3×3 grey dilation (max over the in-image neighbours, as cv2.dilate) minus the image. */
    static Matrix edge(Matrix images) {
        int s = side(images);
        int d = images.cols();
        float[] x = images.data();
        float[] out = new float[x.length];
        for (int n = 0; n < images.rows(); n++) {
            int o = n * d;
            for (int r = 0; r < s; r++) {
                for (int c = 0; c < s; c++) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int i = Math.max(0, r - 1); i <= Math.min(s - 1, r + 1); i++) {
                        for (int j = Math.max(0, c - 1); j <= Math.min(s - 1, c + 1); j++) {
                            m = Math.max(m, x[o + i * s + j]);
                        }
                    }
                    out[o + r * s + c] = m - x[o + r * s + c];
                }
            }
        }
        return new Matrix(images.rows(), d, out);
    }

    /**
     * NoisyMNIST's second view: each sample gets the image at a random position of a within-class permutation
     * (a sample may be paired with itself), plus N(0, sd) noise on the [-1, 1] scale. Same recipe as DeepMVC, with
     * Java's SplittableRandom instead of numpy's PCG64: equal in distribution, not bit for bit.
     */
    static Matrix noisy(Matrix images, int[] labels, double sd, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int d = images.cols();
        float[] out = new float[images.data().length];
        int[] classes = Arrays.stream(labels).distinct().sorted().toArray();
        for (int k : classes) {
            int[] idx = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == k).toArray();
            int[] perm = idx.clone();
            for (int i = perm.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            for (int i = 0; i < idx.length; i++) {
                System.arraycopy(images.data(), perm[i] * d, out, idx[i] * d, d);
            }
        }
        java.util.Random gauss = new java.util.Random(rng.nextLong());
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (out[i] / 127.5 - 1 + gauss.nextGaussian() * sd);
        }
        return new Matrix(images.rows(), d, out);
    }

    /** Patch views (row-major, corners skipped) of each image upscaled by {@code scale}, cut into a 4×4 grid. */
    static List<Matrix> patches(Matrix images, int scale) {
        int s = side(images);
        int big = s * scale;
        int p = big / 4;
        List<float[]> views = new ArrayList<>();
        int[][] cells = {{0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}, {1, 3}, {2, 0}, {2, 1}, {2, 2}, {2, 3}, {3, 1}, {3, 2}};
        for (int v = 0; v < cells.length; v++) {
            views.add(new float[images.rows() * p * p]);
        }
        float[] up = new float[big * big];
        for (int n = 0; n < images.rows(); n++) {
            upscale(images.data(), n * s * s, s, scale, up);
            for (int v = 0; v < cells.length; v++) {
                int r0 = cells[v][0] * p;
                int c0 = cells[v][1] * p;
                for (int r = 0; r < p; r++) {
                    System.arraycopy(up, (r0 + r) * big + c0, views.get(v), n * p * p + r * p, p);
                }
            }
        }
        return views.stream().map(a -> new Matrix(images.rows(), p * p, a)).toList();
    }

    /** Bilinear upscaling as skimage.transform.resize (order 1, mode 'reflect', pixel centres aligned). */
    private static void upscale(float[] x, int off, int s, int scale, float[] out) {
        int big = s * scale;
        for (int r = 0; r < big; r++) {
            double y = (r + 0.5) / scale - 0.5;
            int y0 = (int) Math.floor(y);
            double fy = y - y0;
            for (int c = 0; c < big; c++) {
                double xx = (c + 0.5) / scale - 0.5;
                int x0 = (int) Math.floor(xx);
                double fx = xx - x0;
                double v = (1 - fy) * ((1 - fx) * at(x, off, s, y0, x0) + fx * at(x, off, s, y0, x0 + 1))
                        + fy * ((1 - fx) * at(x, off, s, y0 + 1, x0) + fx * at(x, off, s, y0 + 1, x0 + 1));
                out[r * big + c] = (float) v;
            }
        }
    }

    /** A pixel with reflect padding (numpy's 'symmetric', which is what skimage's 'reflect' maps to). */
    private static float at(float[] x, int off, int s, int r, int c) {
        r = r < 0 ? -r - 1 : r >= s ? 2 * s - r - 1 : r;
        c = c < 0 ? -c - 1 : c >= s ? 2 * s - c - 1 : c;
        return x[off + r * s + c];
    }

    /** Min-max scaling of a whole view to [0, 1] with one global minimum and maximum, in place. */
    static Matrix minMax(Matrix m) {
        float[] a = m.data();
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : a) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        float range = hi - lo;
        for (int i = 0; i < a.length; i++) {
            a[i] = range > 0 ? (a[i] - lo) / range : 0f;
        }
        return m;
    }

    /** Values 0-255 to [-1, 1] (ToTensor then Normalize(0.5, 0.5)), in place. */
    static Matrix signed(Matrix m) {
        float[] a = m.data();
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (a[i] / 127.5 - 1);
        }
        return m;
    }

    static Matrix copy(Matrix m) {
        return new Matrix(m.rows(), m.cols(), m.data().clone());
    }
}
