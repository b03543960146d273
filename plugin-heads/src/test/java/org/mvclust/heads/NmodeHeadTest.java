package org.mvclust.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.api.OdeSolver;
import org.mvclust.solvers.AdaptiveDopri5Solver;
import org.mvclust.solvers.Dopri5Solver;
import org.mvclust.solvers.EulerSolver;
import org.mvclust.solvers.MidpointSolver;
import org.mvclust.solvers.Rk4Solver;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class NmodeHeadTest {
    static BlockHarness harness(int clusters, int samples, long seed) {
        BlockHarness h = new BlockHarness(clusters, samples, seed);
        for (OdeSolver s : List.of(new EulerSolver(), new MidpointSolver(), new Rk4Solver(), new Dopri5Solver(), new AdaptiveDopri5Solver())) {
            h.withSolver(s);
        }
        return h;
    }

    @Test
    void oneEulerStepByHand() {
        try (BlockHarness h = harness(2, 1, 0)) {
            Map<String, Operand<TFloat32>> out = h.build(new NmodeHead(), Map.of("x", h.input(new float[][] {{1, 2}})), Map.of(),
                    Map.of("neurons", 1, "solver", "euler", "steps", 1, "horizon", 1.0));
            List<Operand<TFloat32>> vars = h.trainables();
            h.set(vars.get(0), new float[] {0.5f, 0.25f});
            h.set(vars.get(1), new float[] {0.1f});
            h.set(vars.get(2), new float[] {1f, -1f});
            // g(1) = g(0) + 1·(−g(0) + sin²(g(0) + 1.1)) with g(0) = 0
            double g = Math.pow(Math.sin(1.1), 2);
            assertThat(h.eval(out.get("g"))[0]).isCloseTo((float) g, within(1e-6f));
            assertThat(h.eval(out.get("p"))[0]).isCloseTo((float) (1 / (1 + Math.exp(-2 * g))), within(1e-6f));
        }
    }

    @Test
    void zeroDriveIsAnEquilibrium() {
        try (BlockHarness h = harness(4, 3, 0)) {
            Map<String, Operand<TFloat32>> out = h.build(new NmodeHead(), Map.of("x", h.randomInput(3, 5)), Map.of(), Map.of("neurons", 8));
            h.set(h.trainables().get(0), new float[5 * 8]);
            for (float g : h.eval(out.get("g"))) {
                assertThat(g).isZero();
            }
            for (float p : h.eval(out.get("p"))) {
                assertThat(p).isCloseTo(0.25f, within(1e-7f));
            }
        }
    }

    @Test
    void memoryStaysInTheUnitIntervalAndRowsOfPSumToOne() {
        for (String solver : List.of("euler", "midpoint", "rk4", "dopri5", "dopri5_adaptive")) {
            try (BlockHarness h = harness(3, 20, 2)) {
                Operand<TFloat32> x = h.tf().math.mul(h.randomInput(20, 6), h.tf().constant(4f));
                Map<String, Operand<TFloat32>> out = h.build(new NmodeHead(), Map.of("x", x), Map.of(),
                        Map.of("neurons", 16, "solver", solver, "horizon", 3.0));
                for (float g : h.eval(out.get("g"))) {
                    assertThat(g).as(solver).isBetween(0f, 1f);
                }
                float[] p = h.eval(out.get("p"));
                for (int i = 0; i < 20; i++) {
                    assertThat(p[3 * i] + p[3 * i + 1] + p[3 * i + 2]).as(solver).isCloseTo(1f, within(1e-5f));
                }
            }
        }
    }

    @Test
    void memoryFollowsTheNeuronEquation() {
        try (BlockHarness h = harness(2, 4, 3)) {
            Operand<TFloat32> x = h.randomInput(4, 3);
            Operand<TFloat32> g = h.build(new NmodeHead(), Map.of("x", x), Map.of(), Map.of("neurons", 5, "horizon", 2.0, "steps", 20)).get("g");
            float[] xs = h.eval(x);
            float[] w1 = h.eval(h.trainables().get(0));
            h.set(h.trainables().get(1), new float[] {0.3f, -0.7f, 1.1f, 0f, 2f});
            float[] b = h.eval(h.trainables().get(1));
            float[] got = h.eval(g);
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 5; j++) {
                    double drive = b[j];
                    for (int c = 0; c < 3; c++) {
                        drive += xs[i * 3 + c] * w1[c * 5 + j];
                    }
                    assertThat((double) got[i * 5 + j]).isCloseTo(reference(drive, 2.0), within(1e-5));
                }
            }
        }
    }

    @Test
    void gradientsThroughTheSolverMatchFiniteDifferences() {
        try (BlockHarness h = harness(3, 4, 4)) {
            Operand<TFloat32> x = h.randomInput(4, 3);
            Operand<TFloat32> p = h.build(new NmodeHead(), Map.of("x", x), Map.of(), Map.of("neurons", 4, "steps", 4)).get("p");
            Operand<TFloat32> weights = h.randomInput(4, 3);
            Ops tf = h.tf();
            Operand<TFloat32> loss = tf.sum(tf.math.mul(tf.math.log(p), weights), tf.constant(new int[] {0, 1}));
            List<Operand<TFloat32>> wrt = new ArrayList<>(h.trainables());
            wrt.add(x);
            for (Operand<TFloat32> v : wrt) {
                assertThat(h.gradientError(loss, v, 1e-2)).isLessThan(2e-3);
            }
        }
    }

    /** Three separable blobs in 4-D with their labels as pseudo-labels: the head alone learns them. */
    @Test
    void fitsPseudoLabelsOfSeparableData() {
        int n = 90;
        int k = 3;
        Random rng = new Random(5);
        float[][] x = new float[n][4];
        float[][] y = new float[n][k];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % k;
            y[i][labels[i]] = 1;
            for (int c = 0; c < 4; c++) {
                x[i][c] = (float) ((c == labels[i] ? 2.5 : 0) + 0.5 * rng.nextGaussian());
            }
        }
        try (BlockHarness h = harness(k, n, 6)) {
            Ops tf = h.tf();
            Operand<TFloat32> p = h.build(new NmodeHead(), Map.of("x", h.input(x)), Map.of(), Map.of("neurons", 16, "steps", 5)).get("p");
            Operand<TFloat32> target = h.input(y);
            Operand<TFloat32> loss = tf.math.neg(tf.math.mean(tf.sum(tf.math.mul(target, tf.math.log(p)), tf.constant(1)), tf.constant(0)));
            List<Operand<TFloat32>> vars = h.trainables();
            var grads = tf.gradients(loss, vars);
            List<Op> updates = new ArrayList<>();
            for (int i = 0; i < vars.size(); i++) {
                long[] shape = vars.get(i).shape().asArray();
                Operand<TFloat32> ms = h.variable(shape, new float[Math.toIntExact(vars.get(i).shape().size())]);
                Operand<TFloat32> mom = h.variable(shape, new float[Math.toIntExact(vars.get(i).shape().size())]);
                updates.add(tf.train.applyRmsProp(vars.get(i), ms, mom, tf.constant(0.02f), tf.constant(0.9f),
                        tf.constant(0f), tf.constant(1e-7f), grads.<TFloat32>dy(i)));
            }
            Operand<TFloat32> step = tf.withControlDependencies(updates).identity(loss);
            double first = h.scalar(loss);
            for (int s = 0; s < 100; s++) {
                h.eval(step);
            }
            assertThat(h.scalar(loss)).isLessThan(first / 4);
            float[] probs = h.eval(p);
            int correct = 0;
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (probs[i * k + j] > probs[i * k + best]) {
                        best = j;
                    }
                }
                correct += best == labels[i] ? 1 : 0;
            }
            assertThat(correct / (double) n).isGreaterThan(0.95);
        }
    }

    private static double reference(double drive, double horizon) {
        int steps = 20_000;
        double h = horizon / steps;
        double g = 0;
        for (int s = 0; s < steps; s++) {
            double k1 = f(g, drive);
            double k2 = f(g + h / 2 * k1, drive);
            double k3 = f(g + h / 2 * k2, drive);
            double k4 = f(g + h * k3, drive);
            g += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
        return g;
    }

    private static double f(double g, double drive) {
        double s = Math.sin(g + drive);
        return -g + s * s;
    }
}
