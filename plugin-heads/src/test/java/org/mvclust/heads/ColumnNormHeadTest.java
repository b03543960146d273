package org.mvclust.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class ColumnNormHeadTest {
    static final float[][] X = {{1, -2}, {3, 0}, {2, 4}};

    @Test
    void minmaxMapsEachColumnToTheUnitInterval() {
        try (BlockHarness h = new BlockHarness(2, 3, 0)) {
            float[] v = h.eval(h.build(new ColumnNormHead(), Map.of("x", h.input(X)), Map.of(), Map.of()).get("out"));
            float[] want = {0, 0, 1, 2 / 6f, 0.5f, 1};
            for (int i = 0; i < want.length; i++) {
                assertThat(v[i]).isCloseTo(want[i], within(1e-6f));
            }
        }
    }

    @Test
    void zscoreCentresAndScales() {
        try (BlockHarness h = new BlockHarness(2, 3, 0)) {
            Operand<TFloat32> out = h.build(new ColumnNormHead(), Map.of("x", h.input(X)), Map.of(), Map.of("method", "zscore")).get("out");
            float[] v = h.eval(out);
            double std = Math.sqrt(2 / 3.0);
            assertThat(v[0]).isCloseTo((float) (-1 / std), within(1e-5f));
            assertThat(v[2]).isCloseTo((float) (1 / std), within(1e-5f));
            assertThat(v[1] + v[3] + v[5]).isCloseTo(0f, within(1e-5f));
        }
    }

    /** A trained model scales each sample by the statistics its last store kept, whatever samples come with it. */
    @Test
    void aStoredModelScalesBySampleWithTheKeptStatistics() {
        for (String method : new String[] {"minmax", "zscore"}) {
            try (BlockHarness h = new BlockHarness(2, 3, 0)) {
                Map<String, Object> params = Map.of("method", method);
                float[] batch = h.eval(h.build(new ColumnNormHead(), Map.of("x", h.input(X)), Map.of(), params).get("out"));
                h.store();
                String[] stats = method.equals("minmax") ? new String[] {"lo", "hi"} : new String[] {"mean", "std"};
                float[][] kept = {h.eval(h.variable("colnorm." + stats[0])), h.eval(h.variable("colnorm." + stats[1]))};
                h.storedModel(true);
                Operand<TFloat32> all = h.build(new ColumnNormHead(), Map.of("x", h.input(X)), Map.of(), params).get("out");
                set(h, stats, kept);
                Operand<TFloat32> alone = h.build(new ColumnNormHead(), Map.of("x", h.input(new float[][] {X[2]})), Map.of(), params).get("out");
                set(h, stats, kept);
                float[] a = h.eval(all);
                float[] one = h.eval(alone);
                for (int i = 0; i < batch.length; i++) {
                    assertThat(a[i]).as(method).isCloseTo(batch[i], within(1e-5f));
                }
                assertThat(one[0]).as(method).isCloseTo(batch[4], within(1e-5f));
                assertThat(one[1]).as(method).isCloseTo(batch[5], within(1e-5f));
            }
        }
    }

    private static void set(BlockHarness h, String[] stats, float[][] kept) {
        h.set(h.variable("colnorm." + stats[0]), kept[0]);
        h.set(h.variable("colnorm." + stats[1]), kept[1]);
    }
}
