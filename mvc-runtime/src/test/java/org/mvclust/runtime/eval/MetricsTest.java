package org.mvclust.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private record Case(String name, int[] truth, int[] pred, double[] expected) {}

    /** Rows of metric_fixtures.csv, written by scripts/metric_fixtures.py from scikit-learn and scipy. */
    private List<Case> fixtures() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("metric_fixtures.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                double[] expected = Arrays.stream(f, 3, 8).mapToDouble(Double::parseDouble).toArray();
                cases.add(new Case(f[0], ints(f[1]), ints(f[2]), expected));
            }
        }
        return cases;
    }

    private static int[] ints(String s) {
        return Arrays.stream(s.split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    @Test
    void matchesScikitLearnFixtures() throws IOException {
        List<Case> cases = fixtures();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        for (Case c : cases) {
            Map<String, Double> all = Metrics.all(c.truth(), c.pred());
            assertThat(all.keySet()).containsExactly("acc", "nmi", "ari", "purity", "fscore");
            double[] actual = all.values().stream().mapToDouble(Double::doubleValue).toArray();
            for (int m = 0; m < actual.length; m++) {
                assertThat(actual[m]).as("%s %s", c.name(), List.copyOf(all.keySet()).get(m))
                        .isCloseTo(c.expected()[m], within(1e-9));
            }
        }
    }

    // truth = 0 0 0 1 1 1, pred = 0 0 1 1 2 2; contingency [[2,1,0],[0,1,2]], n = 6, 15 pairs.
    // acc: clusters 0→class 0, 2→class 1 match 2 + 2 = 4 of 6. purity: (2 + 1 + 2) / 6.
    // pairs: tp = 1 + 1 = 2, same cluster = 3 → fp = 1, same class = 3 + 3 = 6 → fn = 4, tn = 8.
    // fscore = 2·2 / (2·2 + 1 + 4) = 4/9; ari = 2(2·8 − 4·1) / ((2+4)(4+8) + (2+1)(1+8)) = 24/99 = 8/33.
    // MI = 2 · (2/6) ln(6·2 / (3·2)) = (2/3) ln 2 (the count-1 cells add ln 1 = 0); H = ln 2 and ln 3,
    // so nmi = (2/3) ln 2 / ((ln 2 + ln 3) / 2) = (4/3) ln 2 / ln 6.
    @Test
    void handComputedSixSamples() {
        int[] truth = {0, 0, 0, 1, 1, 1};
        int[] pred = {0, 0, 1, 1, 2, 2};
        assertThat(Metrics.acc(truth, pred)).isCloseTo(4.0 / 6, within(1e-15));
        assertThat(Metrics.purity(truth, pred)).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(Metrics.fscore(truth, pred)).isCloseTo(4.0 / 9, within(1e-15));
        assertThat(Metrics.ari(truth, pred)).isCloseTo(8.0 / 33, within(1e-15));
        assertThat(Metrics.nmi(truth, pred)).isCloseTo(4.0 / 3 * Math.log(2) / Math.log(6), within(1e-15));
        assertThat(Metrics.contingency(truth, pred)).isEqualTo(new int[][] {{2, 1, 0}, {0, 1, 2}});
        assertThat(Metrics.matchClusters(truth, pred)).containsExactly(0, -1, 1);
    }

    @Test
    void labelsAreRemappedInAscendingOrder() {
        int[] truth = {50, 50, 7, 7, 7};
        int[] pred = {1_000_000_000, 3, 3, 3, 1_000_000_000};
        // classes 7 → 0, 50 → 1; clusters 3 → 0, 1e9 → 1
        assertThat(Metrics.contingency(truth, pred)).isEqualTo(new int[][] {{2, 1}, {1, 1}});
        assertThat(Metrics.matchClusters(truth, pred)).containsExactly(0, 1);
        assertThat(Metrics.acc(truth, pred)).isCloseTo(3.0 / 5, within(1e-15));
    }

    @Test
    void invariantToRelabellingAndSymmetricWhereExpected() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        int[] truth = rng.ints(200, 0, 5).toArray();
        int[] pred = rng.ints(200, 0, 7).toArray();
        int[] renamed = Arrays.stream(pred).map(p -> 100 - 13 * p).toArray();
        Map<String, Double> expected = Metrics.all(truth, pred);
        Metrics.all(truth, renamed).forEach((k, v) -> assertThat(v).as(k).isCloseTo(expected.get(k), within(1e-12)));
        assertThat(Metrics.nmi(pred, truth)).isCloseTo(Metrics.nmi(truth, pred), within(1e-12));
        assertThat(Metrics.ari(pred, truth)).isCloseTo(Metrics.ari(truth, pred), within(1e-12));
        assertThat(Metrics.fscore(pred, truth)).isCloseTo(Metrics.fscore(truth, pred), within(1e-12));
    }

    @Test
    void accuracyWithMoreClustersThanClasses() {
        int[] truth = {0, 0, 0, 0, 1, 1};
        int[] pred = {0, 0, 1, 1, 2, 2};
        // one class can take only one cluster: 0→0 (2) and 2→1 (2); cluster 1 stays unmatched.
        assertThat(Metrics.acc(truth, pred)).isCloseTo(4.0 / 6, within(1e-15));
        assertThat(Metrics.matchClusters(truth, pred)).containsExactly(0, -1, 1);
        assertThat(Metrics.purity(truth, pred)).isEqualTo(1.0);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Metrics.acc(new int[] {0, 1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 labels");
        assertThatThrownBy(() -> Metrics.nmi(new int[] {0, -1}, new int[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> Metrics.ari(new int[0], new int[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
