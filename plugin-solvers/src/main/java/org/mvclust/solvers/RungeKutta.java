package org.mvclust.solvers;

import java.util.ArrayList;
import java.util.List;
import org.mvclust.api.OdeSolver;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A fixed-step explicit Runge-Kutta method, unrolled into graph ops: {@code steps} equal steps from t0 to t1. */
abstract class RungeKutta implements OdeSolver {
    private final Tableau tableau;

    RungeKutta(Tableau tableau) {
        this.tableau = tableau;
    }

    /** The order of accuracy of the method (the global error shrinks as h^order). */
    public int order() {
        return tableau.order();
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public Operand<TFloat32> integrate(Ops tf, Field f, Operand<TFloat32> y0, double t0, double t1, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException(name() + ": steps must be at least 1, got " + steps);
        }
        if (!(Double.isFinite(t0) && Double.isFinite(t1))) {
            throw new IllegalArgumentException(name() + ": time span [" + t0 + ", " + t1 + "] is not finite");
        }
        double h = (t1 - t0) / steps;
        Operand<TFloat32> y = y0;
        for (int i = 0; i < steps; i++) {
            y = step(tf, f, t0 + i * h, y, h);
        }
        return y;
    }

    private Operand<TFloat32> step(Ops tf, Field f, double t, Operand<TFloat32> y, double h) {
        List<Operand<TFloat32>> k = new ArrayList<>();
        for (int s = 0; s < tableau.stages(); s++) {
            k.add(f.apply(tf, t + tableau.c()[s] * h, combine(tf, y, h, tableau.a()[s], k)));
        }
        return combine(tf, y, h, tableau.b(), k);
    }

    /** y + h·Σ w_j k_j over the non-zero weights. */
    static Operand<TFloat32> combine(Ops tf, Operand<TFloat32> y, double h, double[] w, List<Operand<TFloat32>> k) {
        Operand<TFloat32> sum = weighted(tf, h, w, k);
        return sum == null ? y : tf.math.add(y, sum);
    }

    /** h·Σ w_j k_j over the non-zero weights, or null when all are zero. */
    static Operand<TFloat32> weighted(Ops tf, double h, double[] w, List<Operand<TFloat32>> k) {
        List<Operand<TFloat32>> terms = new ArrayList<>();
        for (int j = 0; j < w.length; j++) {
            if (w[j] != 0) {
                terms.add(tf.math.mul(tf.constant((float) (h * w[j])), k.get(j)));
            }
        }
        if (terms.isEmpty()) {
            return null;
        }
        return terms.size() == 1 ? terms.get(0) : tf.math.addN(terms);
    }
}
