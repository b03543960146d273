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
    public String problem(Params p) {
        if (p.getInt("restarts") < 1) {
            return "restarts must be at least 1, got " + p.getInt("restarts");
        }
        if (p.getInt("max_iter") < 0) {
            return "max_iter must be at least 0, got " + p.getInt("max_iter");
        }
        double tol = p.getDouble("tol");
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            return "tol must be a finite number >= 0, got " + tol;
        }
        return p.getInt("trials") < 0 ? "trials must be at least 0, got " + p.getInt("trials") : null;
    }

    @Override
    public int[] labels(Matrix x, int k, long seed, Params p) {
        return KMeans.fit(x, k, p.getInt("restarts"), p.getInt("max_iter"), p.getDouble("tol"), seed, p.getInt("trials")).labels();
    }
}
