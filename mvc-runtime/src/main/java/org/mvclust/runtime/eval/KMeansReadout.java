package org.mvclust.runtime.eval;

import java.util.List;
import org.mvclust.api.Matrix;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Readout;

/** k-means++ with restarts on a representation of all samples. */
public final class KMeansReadout implements Readout {
    @Override
    public String name() {
        return "kmeans";
    }

    @Override
    public String description() {
        return "k-means++ (optionally greedy; best of several restarts) on the readout tensor";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofInt("restarts", 10, "independent k-means++ starts; the lowest inertia wins"),
                ParamSpec.ofInt("max_iter", 300, "Lloyd iterations per start"),
                ParamSpec.ofDouble("tol", 1e-4, "convergence tolerance"),
                ParamSpec.ofInt("trials", 1, "k-means++ candidates per centre, the best kept (greedy k-means++); 1 = plain, 0 = scikit-learn's 2 + ln k"));
    }

    @Override
    public int[] labels(Matrix x, int k, long seed, Params p) {
        return KMeans.fit(x, k, p.getInt("restarts"), p.getInt("max_iter"), p.getDouble("tol"), seed, p.getInt("trials")).labels();
    }
}
