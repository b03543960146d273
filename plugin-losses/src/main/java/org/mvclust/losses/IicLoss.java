package org.mvclust.losses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.FanIn;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * IIC between views (DeepMVC's IICClustering / IICOverClustering): a holds `heads` × `views` blocks of equal width side by
 * side, head-major (a shared_dense head's out); the loss is the mean over heads of Σ over view pairs u &lt; v of
 * −Σ P (log P − λ log p − λ log q), P the symmetrised batch joint matrix of the two blocks (λ = 1: −I).
 */
public final class IicLoss implements Loss {
    public static final String NAME = "iic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "IIC mutual-information clustering loss between views, averaged over heads (negative MI, marginal weight lambda)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("a", "samples × heads·views·K probabilities, head-major (shared_dense's out)"));
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofInt("views", 2, "views side by side in a (\"${views}\")"),
                ParamSpec.ofInt("heads", 1, "heads side by side in a"),
                ParamSpec.ofDouble("lambda", 1.0, "weight of the marginal entropies (DeepMVC's MvIIC: 1.5)"),
                ParamSpec.ofDouble("eps", JointMutualInformation.EPS, "lower clamp of the joint and marginal probabilities"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        Operand<TFloat32> a = in.one("a");
        int views = p.getInt("views");
        int heads = p.getInt("heads");
        long width = a.shape().size(1);
        if (views < 2 || heads < 1 || width % ((long) views * heads) != 0) {
            throw new IllegalArgumentException("iic: " + width + " columns are not " + heads + " heads × " + views
                    + " views (at least two) of equal width");
        }
        List<Operand<TFloat32>> blocks = new ArrayList<>(tf.split(tf.constant(1), a, (long) views * heads).output());
        List<Operand<TFloat32>> perHead = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            List<Operand<TFloat32>> pairs = new ArrayList<>();
            for (int u = 0; u < views; u++) {
                for (int v = u + 1; v < views; v++) {
                    pairs.add(JointMutualInformation.estimate(tf, blocks.get(h * views + u), blocks.get(h * views + v), true,
                            p.getDouble("eps"), p.getDouble("lambda") - 1));
                }
            }
            perHead.add(FanIn.sum(tf, pairs));
        }
        return Map.of("loss", tf.math.mul(tf.constant((float) (-1.0 / heads)), FanIn.sum(tf, perHead)));
    }
}
