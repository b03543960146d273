package org.mvclust.solvers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mvclust.api.OdeSolver;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The nmODE neuron p' = −p + sin²(p + w), p(0) = 0, on [0, 1] against a double-precision fine-step reference. */
class NeuronEquationTest {
    static final float[] W = {-3f, -2f, -1.2f, -0.5f, 0f, 0.3f, 0.9f, 1.5f, 2.2f, 3f};

    static Stream<Arguments> solvers() {
        return Stream.of(
                Arguments.of(new EulerSolver(), 3e-2),
                Arguments.of(new MidpointSolver(), 2e-3),
                Arguments.of(new Rk4Solver(), 1e-5),
                Arguments.of(new Dopri5Solver(), 1e-6),
                Arguments.of(new AdaptiveDopri5Solver(), 1e-5));
    }

    /** Solver and steps; the adaptive one gets a budget that reaches its tolerance, since its step sizes depend on w. */
    static Stream<Arguments> gradientCases() {
        return Stream.of(
                Arguments.of(new EulerSolver(), 4),
                Arguments.of(new MidpointSolver(), 4),
                Arguments.of(new Rk4Solver(), 4),
                Arguments.of(new Dopri5Solver(), 4),
                Arguments.of(new AdaptiveDopri5Solver(), 12));
    }

    @ParameterizedTest(name = "{0} with 10 steps")
    @MethodSource("solvers")
    void matchesReference(OdeSolver solver, double tolerance) {
        double[] ref = reference(W, 1.0);
        try (BlockHarness h = new BlockHarness(2, 1, 0)) {
            Ops tf = h.tf();
            Operand<TFloat32> w = tf.constant(W);
            float[] p = h.eval(solver.integrate(tf, (ops, t, y) -> neuron(ops, y, w), tf.math.mul(w, tf.constant(0f)), 0, 1, 10));
            for (int i = 0; i < W.length; i++) {
                assertThat(Math.abs(p[i] - ref[i])).as("w = %s", W[i]).isLessThan(tolerance);
                assertThat(p[i]).isBetween(0f, 1f);
            }
        }
    }

    @ParameterizedTest(name = "{0}: gradient through the solver")
    @MethodSource("gradientCases")
    void gradientMatchesFiniteDifferences(OdeSolver solver, int steps) {
        try (BlockHarness h = new BlockHarness(2, 1, 3)) {
            Ops tf = h.tf();
            Operand<TFloat32> w = h.randomInput(2, 3);
            Operand<TFloat32> weights = h.randomInput(2, 3);
            Operand<TFloat32> p = solver.integrate(tf, (ops, t, y) -> neuron(ops, y, w), tf.math.mul(w, tf.constant(0f)), 0, 1.5, steps);
            Operand<TFloat32> loss = tf.sum(tf.math.mul(p, weights), tf.constant(new int[] {0, 1}));
            assertThat(h.gradientError(loss, w, 1e-2)).isLessThan(2e-3);
        }
    }

    static Operand<TFloat32> neuron(Ops tf, Operand<TFloat32> p, Operand<TFloat32> w) {
        return tf.math.sub(tf.math.square(tf.math.sin(tf.math.add(p, w))), p);
    }

    /** Classical RK4 in double with 20 000 steps. */
    static double[] reference(float[] w, double horizon) {
        double[] out = new double[w.length];
        int n = 20_000;
        double h = horizon / n;
        for (int i = 0; i < w.length; i++) {
            double y = 0;
            double wi = w[i];
            for (int s = 0; s < n; s++) {
                double k1 = f(y, wi);
                double k2 = f(y + h / 2 * k1, wi);
                double k3 = f(y + h / 2 * k2, wi);
                double k4 = f(y + h * k3, wi);
                y += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
            }
            out[i] = y;
        }
        return out;
    }

    private static double f(double y, double w) {
        double s = Math.sin(y + w);
        return -y + s * s;
    }
}
