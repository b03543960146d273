package org.mvclust.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.graphs.KnnGraph;
import org.mvclust.graphs.KnnHead;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class VcrLossTest {
    // rows normalise to (1,0), (1,0), (0,1), (0,1): A is 1 within {0,1} and within {2,3}, 0 across
    private static final float[][] C = {{2, 0}, {1, 0}, {0, 1}, {0, 3}};
    private static final float[][] G = {{1, .5f, .2f, 0}, {.5f, 1, 0, 0}, {.2f, 0, 1, .4f}, {0, 0, .4f, 1}};

    private static double vcr(Map<String, Object> params) {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> c = h.input(C);
            Operand<TFloat32> g = h.input(G);
            return h.scalar(h.build(new VcrLoss(), Map.of("c", c, "graph", g), Map.of(), params).get("loss"));
        }
    }

    @Test
    void matchesAHandComputationWithTheCodesDiagonal() {
        // positives across the groups: (0,2) and (2,0) with weight .2 -> 2 * .2^2 = .08; Σpos = 4 + 2 * (.5 + .2 + .4)
        // negatives within the groups: (0,1), (1,0) with 1 - .5 and (2,3), (3,2) with 1 - .4 -> 2 * (.25 + .36)
        // Σneg = 2 * (.5 + .8 + 1 + 1 + 1 + .6)
        double want = 0.08 / (6.2 + 1e-4) + 1.22 / (9.8 + 1e-4);
        assertThat(vcr(Map.of())).isCloseTo(want, within(1e-6));
    }

    @Test
    void zeroDiagonalDropsTheDiagonalFromThePositiveSum() {
        double want = 0.08 / (2.2 + 1e-4) + 1.22 / (9.8 + 1e-4);
        assertThat(vcr(Map.of("diagonal", "zero"))).isCloseTo(want, within(1e-6));
    }

    @Test
    void jointGraphIsMixedIn() {
        float[][] j = {{1, 0, 0, .6f}, {0, 1, .2f, 0}, {0, .2f, 1, 0}, {.6f, 0, 0, 1}};
        float[][] mixed = new float[4][4];
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                mixed[a][b] = 0.75f * G[a][b] + 0.25f * j[a][b];
            }
        }
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> c = h.input(C);
            Operand<TFloat32> bothLoss = h.build(new VcrLoss(), Map.of("c", c, "graph", h.input(G), "joint", h.input(j)),
                    Map.of(), Map.of("mix", 0.25)).get("loss");
            Operand<TFloat32> oneLoss = h.build(new VcrLoss(), Map.of("c", c, "graph", h.input(mixed)), Map.of(), Map.of()).get("loss");
            double both = h.scalar(bothLoss);
            double one = h.scalar(oneLoss);
            assertThat(both).isCloseTo(one, within(1e-6));
            assertThat(both).isNotCloseTo(vcr(Map.of()), within(1e-3));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        try (BlockHarness h = new BlockHarness(3, 6, 5)) {
            Operand<TFloat32> c = h.randomInput(6, 3);
            float[][] g = new float[6][6];
            java.util.Random r = new java.util.Random(7);
            for (int a = 0; a < 6; a++) {
                g[a][a] = 1;
                for (int b = 0; b < a; b++) {
                    g[a][b] = g[b][a] = r.nextFloat() < 0.5 ? 0 : r.nextFloat();
                }
            }
            Operand<TFloat32> loss = h.build(new VcrLoss(), Map.of("c", c, "graph", h.input(g)), Map.of(), Map.of()).get("loss");
            assertThat(h.gradientError(loss, c, 1e-2)).isLessThan(1e-3);
        }
    }

    @Test
    void gradientFlowsIntoTheGraphFeaturesWhenTheGraphAllowsIt() {
        float[][] rows = spread(8);
        try (BlockHarness h = new BlockHarness(2, 8, 6)) {
            Operand<TFloat32> f = h.input(rows);
            Operand<TFloat32> c = h.randomInput(8, 2);
            Operand<TFloat32> g = h.build(new KnnGraph(), Map.of("x", f), Map.of(), Map.of("k", 3, "gradient", true)).get("out");
            Operand<TFloat32> loss = h.build(new VcrLoss(), Map.of("c", c, "graph", g), Map.of(), Map.of()).get("loss");
            assertThat(h.gradientError(loss, f, 1e-3)).isLessThan(5e-3);
            assertThat(h.gradientError(loss, c, 1e-2)).isLessThan(1e-3);
        }
    }

    @Test
    void neighbourListsGiveTheDenseValueAndGradients() {
        for (String diagonal : List.of("code", "zero")) {
            try (BlockHarness h = new BlockHarness(3, 12, 8)) {
                Operand<TFloat32> x = h.randomInput(12, 5);
                Operand<TFloat32> f = h.input(spread(12));
                Operand<TFloat32> c = h.randomInput(12, 3);
                Map<String, Object> graph = Map.of("k", 4, "gradient", true);
                Operand<TFloat32> gx = h.build(new KnnGraph(), Map.of("x", x), Map.of(), graph).get("out");
                Operand<TFloat32> gf = h.build(new KnnGraph(), Map.of("x", f), Map.of(), graph).get("out");
                Map<String, Operand<TFloat32>> lx = h.build(new KnnHead(), Map.of("x", x), Map.of(), graph);
                Map<String, Operand<TFloat32>> lf = h.build(new KnnHead(), Map.of("x", f), Map.of(), graph);
                Map<String, Object> params = Map.of("diagonal", diagonal, "mix", 0.3);
                Operand<TFloat32> dense = h.build(new VcrLoss(), Map.of("c", c, "graph", gx, "joint", gf), Map.of(), params).get("loss");
                Operand<TFloat32> sparse = h.build(new VcrLoss(), Map.of("c", c, "index", lx.get("index"), "weight", lx.get("weight"),
                        "joint_index", lf.get("index"), "joint_weight", lf.get("weight")), Map.of(), params).get("loss");
                Operand<TFloat32> viewOnly = h.build(new VcrLoss(), Map.of("c", c, "graph", gx), Map.of(), params).get("loss");
                Operand<TFloat32> viewOnlySparse = h.build(new VcrLoss(), Map.of("c", c, "index", lx.get("index"),
                        "weight", lx.get("weight")), Map.of(), params).get("loss");
                assertThat(h.scalar(sparse)).as(diagonal).isCloseTo(h.scalar(dense), within(1e-5));
                assertThat(h.scalar(viewOnlySparse)).as(diagonal).isCloseTo(h.scalar(viewOnly), within(1e-5));
                assertThat(h.scalar(viewOnly)).isNotCloseTo(h.scalar(dense), within(1e-4));
                assertThat(h.gradientError(sparse, c, 1e-2)).as(diagonal).isLessThan(1e-3);
                assertThat(h.gradientError(sparse, f, 1e-3)).as(diagonal).isLessThan(5e-3);
            }
        }
    }

    @Test
    void wiringMustBeGraphsOrLists() {
        try (BlockHarness h = new BlockHarness(2, 4, 1)) {
            Operand<TFloat32> c = h.input(C);
            Operand<TFloat32> g = h.input(G);
            assertThatThrownBy(() -> h.build(new VcrLoss(), Map.of("c", c, "graph", g, "index", c, "weight", c), Map.of(), Map.of()))
                    .hasMessageContaining("either graph");
            assertThatThrownBy(() -> h.build(new VcrLoss(), Map.of("c", c, "index", c), Map.of(), Map.of()))
                    .hasMessageContaining("either graph");
        }
    }

    /** Points whose pairwise distances are all distinct and well apart, so small steps never change neighbours. */
    static float[][] spread(int n) {
        float[][] rows = new float[n][2];
        for (int i = 0; i < n; i++) {
            rows[i] = new float[] {i * i * 0.3f, 0.1f * i};
        }
        return rows;
    }
}
