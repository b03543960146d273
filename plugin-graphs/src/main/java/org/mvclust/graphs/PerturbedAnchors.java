package org.mvclust.graphs;

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
import org.mvclust.nn.Reductions;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Learnable anchors U = Û + μ + σ ⊙ ε (DMAC, Eq. 3–6): Û is a fixed state variable {@code init} (m × d) filled by a
 * k-means action, μ = MLP_μ(Û) and σ = softplus(MLP_σ(Û)) come from two unshared MLPs, ε ~ N(0, I) is drawn afresh
 * at every training step (stateless, from the step's noise seed) and is zero outside training. The authors' code
 * form: {@code hidden: -1, mu_activation: "leaky_relu:0.25", sigma: relu, out_init: torch, normalize: true}.
 */
public final class PerturbedAnchors implements Head {
    public static final String NAME = "anchors";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Anchors from a k-means state plus a learned Gaussian perturbation (mean and deviation MLPs)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("z", "embedding the anchors live in, samples × d (sets d)"));
    }

    @Override
    public List<String> outputs() {
        return List.of("anchors", "init", "mu", "sigma");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInt("count", 0, "number of anchors m; 0 = floor(sqrt(samples · clusters))"),
                ParamSpec.ofBoolean("perturb", true, "learn the perturbation; false = the fixed k-means anchors Û"),
                ParamSpec.ofInt("hidden", 0, "hidden width of the μ and σ MLPs (one hidden layer); 0 = d; -1 = no hidden layer"),
                ParamSpec.ofChoice("activation", "relu", Layers.ACTIVATIONS, "hidden activation of the μ and σ MLPs"),
                ParamSpec.ofDouble("sigma_init", 0.01, "σ at the start (its output bias is softplus⁻¹ of this)"),
                ParamSpec.ofChoice("out_init", "zeros", List.of("zeros", "he", "glorot", "torch"), "output-layer weights of both MLPs: zeros (U starts at Û), he, glorot or torch"),
                ParamSpec.ofChoice("mu_activation", "none", Layers.ACTIVATIONS, "activation of μ's output"),
                ParamSpec.ofChoice("sigma", "softplus", List.of("softplus", "relu"), "σ from its MLP's output: softplus (bias set by sigma_init) or relu"),
                ParamSpec.ofBoolean("normalize", false, "scale each anchor to unit l2 norm (after the perturbation, if any)"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Ops tf = ctx.tf();
        long d = in.one("z").shape().size(1);
        if (d < 0) {
            throw new IllegalArgumentException("embedding width unknown");
        }
        int m = p.getInt("count") > 0 ? p.getInt("count") : Anchors.defaultCount(ctx.samples(), ctx.clusters());
        Operand<TFloat32> init = ctx.state("init", new long[] {m, d}, Initializer.zeros());
        if (!p.getBoolean("perturb")) {
            Operand<TFloat32> zero = tf.zerosLike(init);
            Operand<TFloat32> u = p.getBoolean("normalize") ? Reductions.l2NormalizeRows(tf, init, 1e-12f) : tf.identity(init);
            return Map.of("anchors", u, "init", init, "mu", zero, "sigma", zero);
        }
        long hidden = p.getInt("hidden") > 0 ? p.getInt("hidden") : p.getInt("hidden") < 0 ? 0 : d;
        double s0 = p.getDouble("sigma_init");
        if (!(s0 > 0)) {
            throw new IllegalArgumentException("sigma_init must be > 0, got " + s0);
        }
        boolean softplus = switch (p.getString("sigma")) {
            case "softplus" -> true;
            case "relu" -> false;
            default -> throw new IllegalArgumentException("sigma must be softplus or relu, got '" + p.getString("sigma") + "'");
        };
        Operand<TFloat32> mu = Layers.activate(tf, p.getString("mu_activation"), mlp(ctx, "mu", init, hidden, d, p, 0f));
        float bias = softplus ? (float) (s0 > 20 ? s0 : Math.log(Math.expm1(s0))) : (float) s0;
        Operand<TFloat32> s = mlp(ctx, "sigma", init, hidden, d, p, bias);
        Operand<TFloat32> sigma = softplus ? tf.math.softplus(s) : tf.nn.relu(s);
        Operand<TFloat32> eps = tf.random.statelessRandomNormal(tf.constant(new long[] {m, d}), ctx.noiseSeed());
        Operand<TFloat32> on = tf.dtypes.cast(ctx.training(), TFloat32.class);
        Operand<TFloat32> u = tf.math.add(init, tf.math.add(mu, tf.math.mul(on, tf.math.mul(sigma, eps))));
        if (p.getBoolean("normalize")) {
            u = Reductions.l2NormalizeRows(tf, u, 1e-12f);
        }
        return Map.of("anchors", u, "init", init, "mu", mu, "sigma", sigma);
    }

    private static Operand<TFloat32> mlp(BuildContext ctx, String name, Operand<TFloat32> x, long hidden, long out,
                                         Params p, float outBias) {
        Ops tf = ctx.tf();
        Operand<TFloat32> h = hidden == 0 ? x
                : Layers.activate(tf, p.getString("activation"), Layers.dense(ctx, name + ".l0", x, hidden, "he"));
        String init = p.getString("out_init");
        if (init.equals("torch")) {
            return Layers.dense(ctx, name + ".l1", h, out, "torch");
        }
        Initializer wInit = switch (init) {
            case "zeros" -> Initializer.zeros();
            case "he" -> Initializer.he();
            case "glorot" -> Initializer.glorot();
            default -> throw new IllegalArgumentException("out_init must be zeros, he, glorot or torch, got '" + init + "'");
        };
        long in = h.shape().size(1);
        Operand<TFloat32> w = ctx.variable(name + ".l1.w", new long[] {in, out}, wInit);
        Operand<TFloat32> b = ctx.variable(name + ".l1.b", new long[] {out}, Initializer.constant(outBias));
        return tf.nn.biasAdd(tf.linalg.matMul(h, w), b);
    }
}
