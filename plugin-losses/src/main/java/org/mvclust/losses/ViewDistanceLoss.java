package org.mvclust.losses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.FanIn;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** MvSCN's MVSCN2: Σ over view pairs u < v of 2/V² · the batch mean of ‖y_u − y_v‖² (row-wise squared distance). */
public final class ViewDistanceLoss implements Loss {
    public static final String NAME = "view_distance";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "2/V² · sum over view pairs of the mean squared distance between a sample's outputs in the two views (MvSCN)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.many("views", "one tensor per view, samples × m each"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        List<Operand<TFloat32>> v = in.many("views");
        if (v.size() < 2) {
            throw new IllegalArgumentException("needs at least 2 views, got " + v.size());
        }
        Operand<TFloat32> scale = tf.constant(2f / (v.size() * v.size()));
        List<Operand<TFloat32>> terms = new ArrayList<>();
        for (int a = 0; a < v.size(); a++) {
            for (int b = a + 1; b < v.size(); b++) {
                Operand<TFloat32> rows = tf.sum(tf.math.squaredDifference(v.get(a), v.get(b)), tf.constant(1));
                terms.add(tf.math.mul(scale, tf.math.mean(rows, tf.constant(0))));
            }
        }
        return Map.of("loss", FanIn.sum(tf, terms));
    }
}
