package org.mvclust.heads;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Initializer;
import org.mvclust.api.Inputs;
import org.mvclust.api.OdeSolver;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Neural-memory ODE (nmODE): memory neurons g' = −g + sin²(g + W¹x + b), g(0) = 0, integrated over [0, horizon] by a
 * named solver; decision layer h = g(T)·W² and P = softmax(h). Differentiable end to end through the solver.
 * Variables {@code w1} (features × neurons), {@code b} (neurons), {@code w2} (neurons × clusters).
 */
public final class NmodeHead implements Head {
    public static final String NAME = "nmode";
    /** The solver names plugin-solvers registers, with their aliases (a runtime test keeps the two in step). */
    static final List<String> SOLVERS = List.of("euler", "midpoint", "rk4", "dopri5", "dopri5_adaptive", "dopri5-adaptive");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Neural-memory ODE: g' = -g + sin^2(g + W1 x + b) solved to T, then P = softmax(g(T) W2)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("x", "input, samples × features"));
    }

    @Override
    public List<String> outputs() {
        return List.of("p", "logits", "g");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInt("neurons", 256, "number of memory neurons n"),
                ParamSpec.ofChoice("solver", "rk4", SOLVERS, "ODE solver by name"),
                ParamSpec.ofInt("steps", 10, "solver steps over the horizon (attempts for an adaptive solver)"),
                ParamSpec.ofDouble("horizon", 1.0, "integration time T: g(T) is the memory read out"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Operand<TFloat32> x = in.one("x");
        long d = Probabilities.width(x, "x");
        int n = p.getInt("neurons");
        int steps = p.getInt("steps");
        double horizon = p.getDouble("horizon");
        if (n < 1 || steps < 1 || !(horizon > 0)) {
            throw new IllegalArgumentException("need neurons >= 1, steps >= 1 and horizon > 0; got " + n + ", " + steps + ", " + horizon);
        }
        OdeSolver solver = ctx.solver(p.getString("solver"));
        int k = ctx.clusters();
        Operand<TFloat32> w1 = ctx.variable("w1", new long[] {d, n}, Initializer.glorot());
        Operand<TFloat32> b = ctx.variable("b", new long[] {n}, Initializer.zeros());
        Operand<TFloat32> w2 = ctx.variable("w2", new long[] {n, k}, Initializer.glorot());
        Ops tf = ctx.tf();
        Operand<TFloat32> drive = tf.nn.biasAdd(tf.linalg.matMul(x, w1), b);
        Operand<TFloat32> g0 = tf.math.mul(drive, tf.constant(0f));
        Operand<TFloat32> g = solver.integrate(tf, (ops, t, y) -> field(ops, y, drive), g0, 0, horizon, steps);
        Operand<TFloat32> logits = tf.linalg.matMul(g, w2);
        return Map.of("p", tf.nn.softmax(logits), "logits", logits, "g", g);
    }

    /** The memory neurons' right-hand side −g + sin²(g + drive). */
    static Operand<TFloat32> field(Ops tf, Operand<TFloat32> g, Operand<TFloat32> drive) {
        return tf.math.sub(tf.math.square(tf.math.sin(tf.math.add(g, drive))), g);
    }
}
