package org.mvclust.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class MasksTest {
    /** An absent row takes its view's mean over the batch's present rows; a view no sample has is filled with zeros. */
    @Test
    void viewMeanFillByHand() {
        try (BlockHarness h = new BlockHarness(2, 3, 1)) {
            Operand<TFloat32> a = h.input(new float[][] {{1, 2}, {30, 40}, {5, 6}});
            Operand<TFloat32> b = h.input(new float[][] {{7, 8, 9}, {1, 1, 1}, {2, 2, 2}});
            List<Operand<TFloat32>> out = Masks.fillWithViewMean(h.tf(), List.of(a, b),
                    List.of(column(h, 1, 0, 1), column(h, 0, 0, 0)));
            assertThat(h.eval(out.get(0))).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(h.eval(out.get(1))).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /**
     * What the absent rows hold changes neither the filled views nor the gradients of the present rows; the absent rows
     * get no gradient, and the gradient agrees with finite differences.
     */
    @Test
    void absentRowsNeverMatter() {
        try (BlockHarness h = new BlockHarness(2, 5, 3)) {
            Ops tf = h.tf();
            List<Operand<TFloat32>> views = List.of(h.randomInput(5, 3), h.randomInput(5, 2));
            float[][] mask = {{1, 0, 1, 1, 0}, {0, 1, 1, 0, 1}};
            List<Operand<TFloat32>> out = Masks.fillWithViewMean(tf, views, List.of(column(h, mask[0]), column(h, mask[1])));
            Operand<TFloat32> f = tf.math.add(h.probe(out.get(0)), h.probe(out.get(1)));
            for (int v = 0; v < 2; v++) {
                Operand<TFloat32> grad = tf.gradients(f, List.of(views.get(v))).dy(0);
                float[] before = h.eval(out.get(v));
                float[] gradBefore = h.eval(grad);
                float[] x = h.eval(views.get(v));
                int width = x.length / 5;
                for (int i = 0; i < 5; i++) {
                    for (int j = 0; j < width; j++) {
                        if (mask[v][i] == 0) {
                            assertThat(gradBefore[i * width + j]).as("absent row %d of view %d", i, v).isZero();
                            x[i * width + j] = 100f * (j + 1) - 7f * i;
                        }
                    }
                }
                h.set(views.get(v), x);
                assertThat(h.eval(out.get(v))).as("view %d", v).containsExactly(before);
                assertThat(h.eval(grad)).as("view %d", v).containsExactly(gradBefore);
                assertThat(h.gradientError(f, views.get(v), 1e-2)).isLessThan(1e-3);
            }
        }
    }

    private static Operand<TFloat32> column(BlockHarness h, float... values) {
        float[][] rows = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new float[] {values[i]};
        }
        return h.input(rows);
    }
}
