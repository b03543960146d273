package org.mvclust.heads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;

class ClusterMeansHeadTest {
    @Test
    void meansOfOneHotAndSoftAssignmentsByHand() {
        try (BlockHarness h = new BlockHarness(3, 3, 0)) {
            float[][] x = {{1, 2}, {3, 4}, {10, 0}};
            var hard = h.build(new ClusterMeansHead(), Map.of("x", h.input(x), "w", h.input(new float[][] {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}})),
                    Map.of(), Map.of()).get("means");
            var soft = h.build(new ClusterMeansHead(), Map.of("x", h.input(x), "w", h.input(new float[][] {{0.5f, 0.5f}, {0.5f, 0.5f}, {0f, 1f}})),
                    Map.of(), Map.of()).get("means");
            // clusters 0 and 1 get their members' means; the empty cluster 2 gets zeros
            assertThat(h.eval(hard)).containsExactly(2, 3, 10, 0, 0, 0);
            assertThat(h.eval(soft)).containsExactly(2, 3, 6, 1.5f);
        }
    }
}
