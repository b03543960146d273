package org.mvclust.losses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.nn.FanIn;
import org.mvclust.api.Inputs;
import org.mvclust.api.Loss;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Masks;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Σ over view pairs i &lt; j of I(h_i; h_j) by the batch joint-matrix estimator (+MI; e.g. cross-view redundancy);
 * pairs=with_self also takes i = j for i &lt; V − 1, as the loop of DeepMVC's MIContrast (InfoDDC) does. With
 * {@code mask} wired, each pair's joint matrix sums over the samples having both views; a pair that no sample of the
 * batch has contributes 0.
 */
public final class JointMiPairsLoss implements Loss {
    public static final String NAME = "joint_mi_pairs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Sum over view pairs i<j of the joint-matrix mutual information I(h_i;h_j) (+MI)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.many("views", "one tensor per view, samples × D (equal D)"), Masks.VIEWS_PORT);
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> all = new ArrayList<>(JointMiLoss.common());
        all.add(ParamSpec.ofChoice("pairs", "distinct", List.of("distinct", "with_self"),
                "distinct: i < j; with_self: i <= j for i < V-1 (DeepMVC's MIContrast loop)"));
        return List.copyOf(all);
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        List<Operand<TFloat32>> views = new ArrayList<>();
        for (Operand<TFloat32> v : in.many("views")) {
            views.add(JointMutualInformation.transform(tf, p.getString("transform"), v));
        }
        if (views.size() < 2) {
            throw new IllegalArgumentException("joint_mi_pairs needs at least two views, got " + views.size());
        }
        List<Operand<TFloat32>> masks = in.has("mask") ? in.many("mask") : null;
        if (masks != null && masks.size() != views.size()) {
            throw new IllegalArgumentException("joint_mi_pairs has " + views.size() + " views but " + masks.size() + " masks");
        }
        boolean self = p.getString("pairs").equals("with_self");
        List<Operand<TFloat32>> terms = new ArrayList<>();
        for (int i = 0; i < views.size() - 1; i++) {
            for (int j = self ? i : i + 1; j < views.size(); j++) {
                terms.add(masks == null
                        ? JointMutualInformation.estimate(tf, views.get(i), views.get(j), p.getBoolean("symmetrise"),
                                p.getDouble("eps"), p.getDouble("lambda"))
                        : JointMutualInformation.estimate(tf, views.get(i), views.get(j), p.getBoolean("symmetrise"),
                                p.getDouble("eps"), p.getDouble("lambda"), Masks.both(tf, masks.get(i), masks.get(j))));
            }
        }
        return Map.of("loss", FanIn.sum(tf, terms));
    }
}
