package org.mvclust.graphs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Initializer;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Layers;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * Anchor graph convolution (DMAC, Eq. 11): F(l+1) = φ(D_S⁻¹ Sᵀ S F(l) W(l)) with F(0) = the anchors, so every anchor
 * gets a cluster distribution (m × c). Sᵀ S F is computed as Sᵀ (S (F W)): O(n · m · width), never n × n.
 * Output {@code graph} is the anchor similarity D_S⁻¹ Sᵀ S (m × m, rows sum to 1), computed only when read.
 */
public final class AnchorGcn implements Head {
    public static final String NAME = "anchor_gcn";
    private static final List<String> ALIASES = List.of("anchor-gcn");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return ALIASES;
    }

    @Override
    public String description() {
        return "Graph convolution over the anchor similarity D_S^-1 S^T S; anchors -> cluster distributions";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("s", "anchor graph, samples × anchors"), Port.one("anchors", "anchors × d"));
    }

    @Override
    public List<String> outputs() {
        return List.of("f", "graph");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInts("hidden", List.of(64), "widths of the hidden graph-convolution layers"),
                ParamSpec.ofInt("out", 0, "width of the last layer; 0 = the number of clusters"),
                ParamSpec.ofChoice("activation", "relu", Layers.ACTIVATIONS, "activation of hidden layers"),
                ParamSpec.ofChoice("output_activation", "softmax", Layers.ACTIVATIONS, "activation of the last layer"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        Operand<TFloat32> s = in.one("s");
        Operand<TFloat32> inv = Anchors.inverseDegrees(tf, s);
        List<Integer> widths = new ArrayList<>(p.getInts("hidden"));
        widths.add(p.getInt("out") > 0 ? p.getInt("out") : ctx.clusters());
        Operand<TFloat32> h = in.one("anchors");
        for (int l = 0; l < widths.size(); l++) {
            long width = h.shape().size(1);
            Operand<TFloat32> w = ctx.variable("w" + l, new long[] {width, widths.get(l)}, Initializer.glorot());
            Operand<TFloat32> sx = tf.linalg.matMul(s, tf.linalg.matMul(h, w));
            Operand<TFloat32> prop = tf.math.mul(inv, tf.linalg.matMul(s, sx, MatMul.transposeA(true)));
            boolean last = l == widths.size() - 1;
            h = Layers.activate(tf, p.getString(last ? "output_activation" : "activation"), prop);
        }
        Operand<TFloat32> graph = tf.math.mul(inv, tf.linalg.matMul(s, s, MatMul.transposeA(true)));
        return Map.of("f", h, "graph", graph);
    }
}
