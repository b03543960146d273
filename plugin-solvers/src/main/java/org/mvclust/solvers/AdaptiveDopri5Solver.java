package org.mvclust.solvers;

import java.util.ArrayList;
import java.util.List;
import org.mvclust.api.OdeSolver;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Dormand-Prince 5(4) with error-controlled step size. The graph is static, so the integration is unrolled into
 * {@code steps} attempts: each attempt takes a step of the current size h (never past t1), estimates the local error
 * with the embedded fourth-order solution, accepts the step when the RMS of err/(atol + rtol·|y|) is at most 1, and
 * sets the next h from the error (factor 0.9·norm^(-1/5), clipped to [0.2, 10]). The last attempt always lands on t1,
 * so a budget too small for the tolerance costs accuracy, never the end time. Attempts after reaching t1 change
 * nothing. One step size serves the whole batch. Accept decisions and step sizes are constants for
 * differentiation: the gradient is that of the chosen discrete scheme.
 *
 * <p>Only autonomous fields (f independent of t) are supported: time is a tensor here, so the field receives
 * t = NaN, and a field that uses t yields NaN instead of a silently wrong result.
 */
public final class AdaptiveDopri5Solver implements OdeSolver {
    public static final String NAME = "dopri5_adaptive";
    private static final List<String> ALIASES = List.of("dopri5-adaptive");

    private static final Tableau T = Tableau.DOPRI5;
    private final double rtol;
    private final double atol;

    /** rtol 1e-5, atol 1e-6 (near what float32 can resolve). */
    public AdaptiveDopri5Solver() {
        this(1e-5, 1e-6);
    }

    public AdaptiveDopri5Solver(double rtol, double atol) {
        if (!(rtol > 0 && atol > 0)) {
            throw new IllegalArgumentException(NAME + ": tolerances must be > 0, got rtol " + rtol + ", atol " + atol);
        }
        this.rtol = rtol;
        this.atol = atol;
    }

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
        return "Dormand-Prince 5(4) with step-size control (rtol 1e-5, atol 1e-6); steps = attempts; autonomous fields only";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public Operand<TFloat32> integrate(Ops tf, Field f, Operand<TFloat32> y0, double t0, double t1, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException(name() + ": steps (attempts) must be at least 1, got " + steps);
        }
        if (!(t1 > t0) || !Double.isFinite(t1 - t0)) {
            throw new IllegalArgumentException(name() + ": needs a finite span t1 > t0, got [" + t0 + ", " + t1 + "]");
        }
        double t = Double.NaN;
        Operand<TFloat32> span = tf.constant((float) (t1 - t0));
        Operand<TFloat32> elapsed = tf.constant(0f);
        Operand<TFloat32> h = tf.constant((float) ((t1 - t0) / steps));
        Operand<TFloat32> y = y0;
        Operand<TFloat32> k1 = f.apply(tf, t, y0);
        for (int i = 0; i < steps; i++) {
            Operand<TFloat32> remaining = tf.math.sub(span, elapsed);
            Operand<TFloat32> hh = tf.stopGradient(i == steps - 1 ? remaining : tf.math.minimum(h, remaining));
            List<Operand<TFloat32>> k = new ArrayList<>(List.of(k1));
            for (int s = 1; s < T.a().length; s++) {
                k.add(f.apply(tf, t, tf.math.add(y, scaled(tf, hh, T.a()[s], k))));
            }
            Operand<TFloat32> y5 = tf.math.add(y, scaled(tf, hh, T.b(), k));
            Operand<TFloat32> k7 = k.get(6);
            Operand<TFloat32> err = tf.stopGradient(scaled(tf, hh, T.e(), k));
            Operand<TFloat32> size = tf.math.add(tf.constant((float) atol), tf.math.mul(tf.constant((float) rtol),
                    tf.math.maximum(tf.math.abs(tf.stopGradient(y)), tf.math.abs(tf.stopGradient(y5)))));
            Operand<TFloat32> ratio = tf.reshape(tf.math.div(err, size), tf.constant(new long[] {-1}));
            Operand<TFloat32> norm = tf.math.sqrt(tf.math.mean(tf.math.square(ratio), tf.constant(0)));
            Operand<TFloat32> accept = i == steps - 1 ? tf.constant(1f)
                    : tf.stopGradient(tf.dtypes.cast(tf.math.lessEqual(norm, tf.constant(1f)), TFloat32.class));
            y = tf.math.add(y, tf.math.mul(accept, tf.math.sub(y5, y)));
            k1 = tf.math.add(k1, tf.math.mul(accept, tf.math.sub(k7, k1)));
            elapsed = tf.math.add(elapsed, tf.math.mul(accept, hh));
            Operand<TFloat32> factor = tf.clipByValue(tf.math.mul(tf.constant(0.9f),
                            tf.math.pow(tf.math.maximum(norm, tf.constant(1e-10f)), tf.constant(-0.2f))),
                    tf.constant(0.2f), tf.constant(10f));
            h = tf.stopGradient(tf.math.mul(hh, factor));
        }
        return y;
    }

    /** hh·Σ w_j k_j with a tensor step size. */
    private static Operand<TFloat32> scaled(Ops tf, Operand<TFloat32> hh, double[] w, List<Operand<TFloat32>> k) {
        return tf.math.mul(hh, RungeKutta.weighted(tf, 1.0, w, k));
    }
}
