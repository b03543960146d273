package org.mvclust.solvers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mvclust.api.OdeSolver;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Orders of convergence on problems with known solutions, in float32 (step counts chosen above rounding noise). */
class SolverAccuracyTest {
    static Stream<Arguments> decay() {
        // solver, horizon T, step counts (dopri5 is so accurate that float32 needs a longer span to show its order)
        return Stream.of(
                Arguments.of(new EulerSolver(), 1.0, new int[] {8, 16, 32}),
                Arguments.of(new MidpointSolver(), 1.0, new int[] {8, 16, 32}),
                Arguments.of(new Rk4Solver(), 1.0, new int[] {2, 4, 8}),
                Arguments.of(new Dopri5Solver(), 10.0, new int[] {20, 40}));
    }

    static Stream<Arguments> oscillator() {
        return Stream.of(
                Arguments.of(new EulerSolver(), new int[] {64, 128, 256}),
                Arguments.of(new MidpointSolver(), new int[] {8, 16, 32}),
                Arguments.of(new Rk4Solver(), new int[] {4, 8, 16}),
                Arguments.of(new Dopri5Solver(), new int[] {2, 4, 8}));
    }

    /** y' = −y, y(0) = 1: relative error of y(T) against e^−T; halving h divides it by about 2^order. */
    @ParameterizedTest(name = "{0} on y'=-y")
    @MethodSource("decay")
    void orderOnExponentialDecay(RungeKutta solver, double horizon, int[] steps) {
        double[] err = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            try (BlockHarness h = new BlockHarness(2, 1, 0)) {
                Ops tf = h.tf();
                Operand<TFloat32> y = solver.integrate(tf, (ops, t, v) -> ops.math.neg(v), tf.constant(new float[] {1f}),
                        0, horizon, steps[i]);
                err[i] = Math.abs(h.eval(y)[0] * Math.exp(horizon) - 1);
            }
        }
        assertOrder(solver, err);
    }

    /** x' = v, v' = −x from (1, 0) over half a period π: the exact end point is (−1, 0). */
    @ParameterizedTest(name = "{0} on the harmonic oscillator")
    @MethodSource("oscillator")
    void orderOnHarmonicOscillator(RungeKutta solver, int[] steps) {
        double[] err = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            try (BlockHarness h = new BlockHarness(2, 1, 0)) {
                err[i] = oscillatorError(h.eval(oscillator(h.tf(), solver, Math.PI, steps[i])));
            }
        }
        assertOrder(solver, err);
    }

    private static void assertOrder(RungeKutta solver, double[] err) {
        for (int i = 0; i + 1 < err.length; i++) {
            double observed = Math.log(err[i] / err[i + 1]) / Math.log(2);
            assertThat(observed).as("%s: observed order from errors %s", solver.name(), java.util.Arrays.toString(err))
                    .isBetween(solver.order() - 0.5, solver.order() + 1.0);
        }
    }

    static double oscillatorError(float[] y) {
        return Math.max(Math.abs(y[0] + 1), Math.abs(y[1]));
    }

    static Operand<TFloat32> oscillator(Ops tf, OdeSolver solver, double horizon, int steps) {
        Operand<TFloat32> rotate = tf.constant(new float[][] {{0, -1}, {1, 0}});
        return solver.integrate(tf, (ops, t, v) -> ops.linalg.matMul(v, rotate), tf.constant(new float[][] {{1, 0}}),
                0, horizon, steps);
    }

    @Test
    void adaptiveMeetsItsToleranceWithinTheBudget() {
        for (double rtol : new double[] {1e-3, 1e-5}) {
            AdaptiveDopri5Solver solver = new AdaptiveDopri5Solver(rtol, rtol / 10);
            try (BlockHarness h = new BlockHarness(2, 1, 0)) {
                Operand<TFloat32> decay = solver.integrate(h.tf(), (ops, t, v) -> ops.math.neg(v),
                        h.tf().constant(new float[] {1f}), 0, 1, 12);
                double osc = oscillatorError(h.eval(oscillator(h.tf(), solver, Math.PI, 20)));
                assertThat(Math.abs(h.eval(decay)[0] - Math.exp(-1))).isLessThan(10 * rtol);
                assertThat(osc).isLessThan(100 * rtol);
            }
        }
    }

    @Test
    void adaptiveTighterToleranceIsMoreAccurate() {
        double[] err = new double[2];
        double[] rtols = {1e-2, 1e-5};
        for (int i = 0; i < 2; i++) {
            try (BlockHarness h = new BlockHarness(2, 1, 0)) {
                err[i] = oscillatorError(h.eval(oscillator(h.tf(), new AdaptiveDopri5Solver(rtols[i], rtols[i] / 10), Math.PI, 20)));
            }
        }
        assertThat(err[1]).isLessThan(err[0] / 10);
    }

    @Test
    void adaptiveWithOneAttemptIsOneFixedDopri5Step() {
        try (BlockHarness h = new BlockHarness(2, 1, 0)) {
            float[] adaptive = h.eval(oscillator(h.tf(), new AdaptiveDopri5Solver(), 1.5, 1));
            float[] fixed = h.eval(oscillator(h.tf(), new Dopri5Solver(), 1.5, 1));
            assertThat(adaptive[0]).isCloseTo(fixed[0], org.assertj.core.api.Assertions.within(1e-6f));
            assertThat(adaptive[1]).isCloseTo(fixed[1], org.assertj.core.api.Assertions.within(1e-6f));
            assertThat(Math.abs(adaptive[0] - Math.cos(1.5))).isGreaterThan(1e-5);
        }
    }

    @Test
    void adaptiveRejectsATimeDependentFieldLoudly() {
        try (BlockHarness h = new BlockHarness(2, 1, 0)) {
            Operand<TFloat32> y = new AdaptiveDopri5Solver().integrate(h.tf(),
                    (ops, t, v) -> ops.math.mul(v, ops.constant((float) t)), h.tf().constant(new float[] {1f}), 0, 1, 5);
            assertThat(h.eval(y)[0]).isNaN();
        }
    }
}
