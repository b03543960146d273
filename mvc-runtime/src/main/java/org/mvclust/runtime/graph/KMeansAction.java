package org.mvclust.runtime.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mvclust.api.Matrix;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.TensorRef;
import org.mvclust.runtime.eval.KMeans;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The {@code kmeans} action: k-means on each input (evaluated on all samples); writes centroids into the matching
 * variable (may be null) and one-hot labels into {@code labels} (single input only). {@code warm} starts from the
 * current centroids.
 */
public record KMeansAction(List<Operand<TFloat32>> inputs, List<StateVar> centroids, StateVar labels, int k,
                           int restarts, int maxIter, boolean warm) implements Model.Action {

    /** Checks the targets against k and the options; {@code labels} is the buffer for one-hot labels or null. */
    static KMeansAction build(String where, TensorRef in, List<Operand<TFloat32>> inputs, List<StateVar> targets,
                              StateVar labels, String labelsName, int k, Map<String, Object> options) {
        if (labels != null) {
            if (in.all()) {
                throw new ConfigException(where + ": labels can be written for one input only, not " + in);
            }
            if (labels.shape()[1] != k) {
                throw new ConfigException(where + ": buffer '" + labelsName + "' has width " + labels.shape()[1]
                        + " but k = " + k + " (one-hot labels need width k)");
            }
        }
        for (StateVar c : targets) {
            if (c != null && (c.shape().length != 2 || c.shape()[0] != k)) {
                throw new ConfigException(where + ": centroids '" + c.name() + "' has shape "
                        + Arrays.toString(c.shape()) + "; k-means writes " + k + " × features");
            }
        }
        boolean warm = Boolean.TRUE.equals(options.get("warm"));
        if (warm && targets.contains(null)) {
            throw new ConfigException(where + ": warm needs centroids to start from");
        }
        return new KMeansAction(inputs, targets, labels, k, (Integer) options.getOrDefault("restarts", 10),
                (Integer) options.getOrDefault("max_iter", 300), warm);
    }

    @Override
    public String name() {
        return "k-means";
    }

    @Override
    public void run(ActionContext ctx) {
        int samples = ctx.samples();
        for (int j = 0; j < inputs.size(); j++) {
            Matrix x = ctx.evaluate(inputs.get(j));
            StateVar cv = centroids.get(j);
            KMeans.Result res = warm ? KMeans.fit(x, new Matrix(k, x.cols(), ctx.read(cv)), maxIter, 1e-4)
                    : KMeans.fit(x, k, restarts, maxIter, 1e-4, ctx.seed(j));
            if (cv != null) {
                ctx.assign(cv, res.centroids().data());
            }
            if (labels != null) {
                float[] onehot = new float[Math.multiplyExact(samples, k)];
                for (int i = 0; i < samples; i++) {
                    onehot[i * k + res.labels()[i]] = 1f;
                }
                ctx.assign(labels, onehot);
            }
        }
    }
}
