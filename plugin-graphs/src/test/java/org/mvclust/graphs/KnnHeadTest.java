package org.mvclust.graphs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class KnnHeadTest {
    private static final int N = 12;
    private static final int K = 3;
    private static final int[] PERM = {5, 2, 11, 0, 7, 9, 1, 3, 10, 4, 8, 6};

    private static float[][] data() {
        Random r = new Random(4);
        float[][] x = new float[N][3];
        for (float[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = (float) r.nextGaussian();
            }
        }
        return x;
    }

    private static float[][] rows(float[][] x, int[] which) {
        float[][] out = new float[which.length][];
        for (int i = 0; i < which.length; i++) {
            out[i] = x[which[i]];
        }
        return out;
    }

    private static float[][] column(int[] values) {
        float[][] out = new float[values.length][1];
        for (int i = 0; i < values.length; i++) {
            out[i][0] = values[i];
        }
        return out;
    }

    @Test
    void listsAreTheRowsOfTheDenseGraph() {
        try (BlockHarness h = new BlockHarness(2, N, 1)) {
            Operand<TFloat32> x = h.input(data());
            Map<String, Operand<TFloat32>> lists = h.build(new KnnHead(), Map.of("x", x), Map.of(), Map.of("k", K));
            float[] p = h.eval(h.build(new KnnGraph(), Map.of("x", x), Map.of(), Map.of("k", K)).get("directed"));
            float[] index = h.eval(lists.get("index"));
            float[] weight = h.eval(lists.get("weight"));
            for (int i = 0; i < N; i++) {
                double sum = 0;
                for (int r = 0; r < K; r++) {
                    int j = (int) index[i * K + r];
                    assertThat(j).isNotEqualTo(i);
                    assertThat(weight[i * K + r]).isCloseTo(p[i * N + j], within(1e-6f));
                    sum += weight[i * K + r];
                }
                assertThat(sum).isCloseTo(1.0, within(1e-5));
                assertThat(weight[i * K + K - 1]).isZero();
            }
        }
    }

    @Test
    void cachedListsFollowTheShuffledBatch() {
        float[][] all = data();
        int[] identity = new int[N];
        for (int i = 0; i < N; i++) {
            identity[i] = i;
        }
        try (BlockHarness h = new BlockHarness(2, N, 2)) {
            Operand<TFloat32> computed = h.build(new KnnHead(), Map.of("x", h.input(all), "sample_index", h.input(column(identity))),
                    Map.of(), Map.of("k", K)).get("computed");
            Operand<TFloat32> xb = h.input(rows(all, PERM));
            Map<String, Operand<TFloat32>> cached = h.build(new KnnHead(), Map.of("x", xb, "sample_index", h.input(column(PERM))),
                    Map.of(), Map.of("k", K, "cache", true));
            Operand<TFloat32> cache = h.variable("knn.cache");
            Map<String, Operand<TFloat32>> fresh = h.build(new KnnHead(), Map.of("x", xb), Map.of(), Map.of("k", K));
            assertThatThrownBy(() -> h.eval(cached.get("index"))).hasMessageContaining("knn cache is empty");
            h.set(cache, h.eval(computed));
            assertThat(h.eval(cached.get("index"))).containsExactly(h.eval(fresh.get("index")));
            assertThat(h.eval(cached.get("weight"))).containsExactly(h.eval(fresh.get("weight")));
        }
    }

    @Test
    void neighboursOutsideTheBatchGetWeightZero() {
        float[][] all = data();
        int[] identity = new int[N];
        for (int i = 0; i < N; i++) {
            identity[i] = i;
        }
        int[] batch = java.util.Arrays.copyOf(PERM, 6);
        try (BlockHarness h = new BlockHarness(2, N, 3)) {
            Operand<TFloat32> computed = h.build(new KnnHead(), Map.of("x", h.input(all), "sample_index", h.input(column(identity))),
                    Map.of(), Map.of("k", K)).get("computed");
            Map<String, Operand<TFloat32>> cached = h.build(new KnnHead(), Map.of("x", h.input(rows(all, batch)),
                    "sample_index", h.input(column(batch))), Map.of(), Map.of("k", K, "cache", true));
            float[] full = h.eval(computed);
            h.set(h.variable("knn.cache"), full);
            float[] index = h.eval(cached.get("index"));
            float[] weight = h.eval(cached.get("weight"));
            int kept = 0;
            for (int i = 0; i < batch.length; i++) {
                for (int r = 0; r < K; r++) {
                    int id = (int) full[batch[i] * 2 * K + r];
                    int at = java.util.Arrays.stream(batch).boxed().toList().indexOf(id);
                    if (at < 0) {
                        assertThat(weight[i * K + r]).isZero();
                        assertThat(index[i * K + r]).isEqualTo(i);
                    } else {
                        assertThat(index[i * K + r]).isEqualTo(at);
                        assertThat(weight[i * K + r]).isEqualTo(full[batch[i] * 2 * K + K + r]);
                        kept++;
                    }
                }
            }
            assertThat(kept).isPositive().isLessThan(batch.length * K);
        }
    }
}
