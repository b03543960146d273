package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Loss;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** DMAC's per-view losses with a view's mask: the value and gradients of the present samples alone. */
class AnchorLossMaskTest {
    private static final float[][] MASK = {{1}, {0}, {1}, {1}, {0}, {1}, {1}, {0}};

    private static float[][] gaussian(int n, int d, Random rng) {
        float[][] x = new float[n][d];
        for (float[] row : x) {
            for (int c = 0; c < d; c++) {
                row[c] = (float) rng.nextGaussian();
            }
        }
        return x;
    }

    private static float[][] present(float[][] x) {
        int[] rows = MaskRows.rows(MASK);
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }

    /** Masked on all rows = unmasked on the present rows, whatever the absent rows hold; gradients likewise, and zero on absent rows. */
    private static void check(Loss loss, String data, float[][] x, String other, float[][] y, Map<String, Object> params, boolean yPerSample) {
        try (BlockHarness h = new BlockHarness(2, MASK.length, 3)) {
            Ops tf = h.tf();
            Operand<TFloat32> xs = h.input(x);
            Operand<TFloat32> ys = h.input(y);
            Operand<TFloat32> masked = h.build(loss, Map.of(data, xs, other, ys, "mask", h.input(MASK)), Map.of(), params).get("loss");
            Operand<TFloat32> xa = h.input(present(x));
            Operand<TFloat32> ya = h.input(yPerSample ? present(y) : y);
            Operand<TFloat32> alone = h.build(loss, Map.of(data, xa, other, ya), Map.of(), params).get("loss");
            double value = h.scalar(alone);
            assertThat(h.scalar(masked)).as(loss.name()).isCloseTo(value, within(1e-4 * Math.max(1, Math.abs(value))));
            float[] gm = h.eval(tf.gradients(masked, List.of(xs)).<TFloat32>dy(0));
            float[] ga = h.eval(tf.gradients(alone, List.of(xa)).<TFloat32>dy(0));
            int d = x[0].length;
            int r = 0;
            for (int i = 0; i < MASK.length; i++) {
                for (int c = 0; c < d; c++) {
                    float expected = MASK[i][0] == 0 ? 0f : ga[r * d + c];
                    assertThat(gm[i * d + c]).as("%s: gradient, row %d", loss.name(), i).isCloseTo(expected, within(1e-4f));
                }
                r += (int) MASK[i][0];
            }
            float[][] noisy = new float[x.length][];
            for (int i = 0; i < x.length; i++) {
                noisy[i] = x[i].clone();
                if (MASK[i][0] == 0) {
                    java.util.Arrays.fill(noisy[i], 1e3f * (i + 1));
                }
            }
            h.set(xs, noisy);
            assertThat(h.scalar(masked)).as(loss.name() + ", noise in the absent rows").isCloseTo(value, within(1e-4 * Math.max(1, Math.abs(value))));
            h.set(xs, x);
            assertThat(h.gradientError(masked, xs, 1e-2)).as(loss.name()).isLessThan(3e-3);
        }
    }

    @Test
    void anchorEntropyIsTheMeanOverThePresentSamples() {
        Random rng = new Random(3);
        check(new AnchorEntropyLoss(), "z", gaussian(MASK.length, 3, rng), "anchors", gaussian(4, 3, rng), Map.of(), false);
    }

    @Test
    void structureRunsOverThePresentSamples() {
        Random rng = new Random(4);
        float[][] s = StructureLossTest.anchorGraph(MASK.length, 5, 2, rng);
        for (boolean mean : new boolean[] {false, true}) {
            check(new StructureLoss(), "z", gaussian(MASK.length, 3, rng), "s", s, Map.of("mean", mean), true);
        }
    }
}
