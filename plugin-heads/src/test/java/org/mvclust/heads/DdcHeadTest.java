package org.mvclust.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Inputs;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Layers;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class DdcHeadTest {
    /** Layers.batchNorm alone, as a block. */
    static final class Bn implements Head {
        public String name() {
            return "bn";
        }

        public String description() {
            return "batch norm";
        }

        public List<Port> inputs() {
            return List.of(Port.one("x", "x"));
        }

        public List<String> outputs() {
            return List.of("out");
        }

        public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
            return Map.of("out", Layers.batchNorm(ctx, "bn", ctx.tf().identity(in.one("x")), 0.1, 1e-5));
        }
    }

    private static final float[][] X = {{1, 10}, {2, 20}, {3, 30}, {6, 0}};

    @Test
    void batchNormUsesBatchStatisticsWhileTrainingAndMovingAveragesOtherwise() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> out = h.build(new Bn(), Map.of("x", h.input(X)), Map.of(), Map.of()).get("out");
            // eval mode before any update: moving mean 0, moving var 1 -> x / sqrt(1 + eps)
            float[] before = h.eval(out);
            assertThat(before[1]).isCloseTo(10f / (float) Math.sqrt(1 + 1e-5), within(1e-4f));
            h.training(true);
            float[] train = h.eval(out);
            double mean0 = 3;
            double var0 = (4 + 1 + 0 + 9) / 4.0;
            assertThat(train[0]).isCloseTo((float) ((1 - mean0) / Math.sqrt(var0 + 1e-5)), within(1e-4f));
            double colMean = 0;
            for (int i = 0; i < 4; i++) {
                colMean += train[2 * i + 1] / 4;
            }
            assertThat(colMean).isCloseTo(0, within(1e-5));
            h.runUpdates();
            h.training(false);
            float[] eval = h.eval(out);
            // one update: moving mean = 0.1 · 3, moving var = 0.9 + 0.1 · unbiased var (14/3)
            double mm = 0.3;
            double mv = 0.9 + 0.1 * (14 / 3.0);
            assertThat(eval[0]).isCloseTo((float) ((1 - mm) / Math.sqrt(mv + 1e-5)), within(1e-4f));
            assertThat(eval[6]).isCloseTo((float) ((6 - mm) / Math.sqrt(mv + 1e-5)), within(1e-4f));
        }
    }

    @Test
    void outputsRowStochasticAssignmentsAndHidden() {
        try (BlockHarness h = new BlockHarness(3, 5, 2)) {
            Map<String, Operand<TFloat32>> out = h.build(new DdcHead(), Map.of("x", h.randomInput(5, 4)), Map.of(), Map.of("hidden", 7));
            assertThat(out.get("hidden").shape().size(1)).isEqualTo(7);
            assertThat(out.get("out").shape().size(1)).isEqualTo(3);
            h.training(true);
            float[] a = h.eval(out.get("out"));
            for (int i = 0; i < 5; i++) {
                assertThat(a[3 * i] + a[3 * i + 1] + a[3 * i + 2]).isCloseTo(1f, within(1e-5f));
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesInTraining() {
        try (BlockHarness h = new BlockHarness(3, 6, 4)) {
            Operand<TFloat32> x = h.randomInput(6, 4);
            Map<String, Operand<TFloat32>> out = h.build(new DdcHead(), Map.of("x", h.tf().identity(x)), Map.of(), Map.of("hidden", 5));
            var tf = h.tf();
            Operand<TFloat32> loss = tf.sum(tf.math.mul(out.get("out"), tf.constant(new float[][] {
                    {1, 2, 3}, {0, 1, 0}, {3, 1, 2}, {1, 1, 0}, {0, 0, 2}, {2, 1, 1}})), tf.constant(new int[] {0, 1}));
            h.training(true);
            assertThat(h.gradientError(loss, x, 1e-2)).isLessThan(2e-3);
        }
    }
}
