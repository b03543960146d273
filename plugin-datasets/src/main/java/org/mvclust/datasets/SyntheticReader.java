package org.mvclust.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mvclust.api.DatasetException;
import org.mvclust.api.DatasetReader;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;

/**
 * Seeded multi-view data without files: K Gaussian clusters in a latent space, each view a different random
 * nonlinear map of a noisier copy of the latent point, so views differ in dimension and informativeness.
 */
public final class SyntheticReader implements DatasetReader {
    public static final String NAME = "synthetic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Generated K-cluster data in V views of different dimension and noise (no files needed)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInt("samples", 1200, "number of samples"),
                ParamSpec.ofInt("clusters", 6, "number of clusters (classes)"),
                ParamSpec.ofInts("dims", List.of(30, 50, 80), "feature dimension of each view (one entry per view)"),
                ParamSpec.ofDoubles("noise", List.of(0.5, 1.0, 2.0), "latent noise of each view: larger is less informative"),
                ParamSpec.ofInt("latent", 8, "dimension of the latent space the clusters live in"),
                ParamSpec.ofDouble("separation", 3.0, "distance scale between cluster centres, in latent std units"),
                ParamSpec.ofDouble("imbalance", 1.0, "size of the largest cluster over the smallest (sizes in geometric progression)"),
                ParamSpec.ofInt("seed", 7, "generator seed (independent of the run's training seed)"));
    }

    @Override
    public MultiViewData read(Path source, Params p) throws DatasetException {
        int n = p.getInt("samples");
        int k = p.getInt("clusters");
        int latent = p.getInt("latent");
        List<Integer> dims = p.getInts("dims");
        List<Double> noise = p.getDoubles("noise");
        if (dims.size() != noise.size()) {
            throw new DatasetException("synthetic: dims has " + dims.size() + " views but noise has " + noise.size());
        }
        if (n < 1 || k < 1 || k > n || latent < 1 || dims.stream().anyMatch(d -> d < 1)) {
            throw new DatasetException("synthetic: need samples >= clusters >= 1, latent >= 1 and dims >= 1");
        }
        double imbalance = p.has("imbalance") ? p.getDouble("imbalance") : 1.0;
        if (!(imbalance >= 1)) {
            throw new DatasetException("synthetic: imbalance " + imbalance + " must be at least 1 (largest cluster over smallest)");
        }
        Random rng = new Random(p.getInt("seed"));
        double sep = p.getDouble("separation");
        double[][] centres = new double[k][latent];
        for (double[] c : centres) {
            for (int j = 0; j < latent; j++) {
                c[j] = rng.nextGaussian() * sep;
            }
        }
        int[] labels = imbalance == 1 ? roundRobin(n, k) : bySize(sizes(n, k, imbalance));
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        double[][] z = new double[n][latent];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < latent; j++) {
                z[i][j] = centres[labels[i]][j] + rng.nextGaussian();
            }
        }
        List<Matrix> views = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int v = 0; v < dims.size(); v++) {
            views.add(view(z, dims.get(v), noise.get(v), rng));
            names.add("view" + (v + 1));
        }
        return new MultiViewData("synthetic", names, views, labels);
    }

    /** x = tanh(z' A) B + c with z' = z + noise: a smooth nonlinear, non-invertible-looking map per view. */
    private static Matrix view(double[][] z, int dim, double noise, Random rng) {
        int n = z.length;
        int latent = z[0].length;
        int hidden = 2 * latent;
        double[][] a = gaussian(latent, hidden, 1.0 / Math.sqrt(latent), rng);
        double[][] b = gaussian(hidden, dim, 1.0 / Math.sqrt(hidden), rng);
        double[] offset = gaussian(1, dim, 1.0, rng)[0];
        Matrix x = Matrix.zeros(n, dim);
        double[] zn = new double[latent];
        double[] h = new double[hidden];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < latent; j++) {
                zn[j] = z[i][j] + noise * rng.nextGaussian();
            }
            for (int q = 0; q < hidden; q++) {
                double s = 0;
                for (int j = 0; j < latent; j++) {
                    s += zn[j] * a[j][q];
                }
                h[q] = Math.tanh(s);
            }
            for (int d = 0; d < dim; d++) {
                double s = offset[d];
                for (int q = 0; q < hidden; q++) {
                    s += h[q] * b[q][d];
                }
                x.set(i, d, (float) s);
            }
        }
        return x;
    }

    private static int[] roundRobin(int n, int k) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % k;
        }
        return labels;
    }

    /** Cluster sizes proportional to imbalance^(-c/(k-1)), each at least 1, summing to n. */
    static int[] sizes(int n, int k, double imbalance) {
        double[] w = new double[k];
        double total = 0;
        for (int c = 0; c < k; c++) {
            w[c] = k == 1 ? 1 : Math.pow(imbalance, -(double) c / (k - 1));
            total += w[c];
        }
        int[] size = new int[k];
        int left = n;
        for (int c = 0; c < k; c++) {
            size[c] = Math.max(1, (int) Math.floor(n * w[c] / total));
            left -= size[c];
        }
        for (int c = 0; left != 0; c = (c + 1) % k) {
            if (left > 0) {
                size[c]++;
                left--;
            } else if (size[c] > 1) {
                size[c]--;
                left++;
            }
        }
        return size;
    }

    private static int[] bySize(int[] size) {
        int[] labels = new int[java.util.Arrays.stream(size).sum()];
        for (int c = 0, i = 0; c < size.length; c++) {
            for (int j = 0; j < size[c]; j++) {
                labels[i++] = c;
            }
        }
        return labels;
    }

    private static double[][] gaussian(int rows, int cols, double std, Random rng) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextGaussian() * std;
            }
        }
        return m;
    }
}
