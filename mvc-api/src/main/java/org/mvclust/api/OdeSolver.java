package org.mvclust.api;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Integrates y' = f(t, y) from t0 to t1 in graph ops, differentiable end to end. */
public interface OdeSolver extends Component {
    Operand<TFloat32> integrate(Ops tf, Field f, Operand<TFloat32> y0, double t0, double t1, int steps);

    /** The right-hand side f(t, y). */
    @FunctionalInterface
    interface Field {
        Operand<TFloat32> apply(Ops tf, double t, Operand<TFloat32> y);
    }
}
