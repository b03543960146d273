package org.mvclust.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;

/** The kNN agreement against benchmarks/eamc/score.py on the fixture scripts/knn_fixture.py wrote. */
class KnnAgreementTest {
    private List<String> lines(String name) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(getClass().getResourceAsStream(name), StandardCharsets.UTF_8))) {
            return in.lines().skip(1).toList();
        }
    }

    private List<Matrix> views() throws IOException {
        Map<Integer, List<float[]>> rows = new LinkedHashMap<>();
        for (String line : lines("knn_views.csv")) {
            String[] f = line.split(",");
            String[] v = f[1].split(" ");
            float[] row = new float[v.length];
            for (int j = 0; j < v.length; j++) {
                row[j] = Float.parseFloat(v[j]);
            }
            rows.computeIfAbsent(Integer.parseInt(f[0]), k -> new ArrayList<>()).add(row);
        }
        List<Matrix> out = new ArrayList<>();
        for (List<float[]> r : rows.values()) {
            int d = r.get(0).length;
            float[] data = new float[r.size() * d];
            for (int i = 0; i < r.size(); i++) {
                System.arraycopy(r.get(i), 0, data, i * d, d);
            }
            out.add(new Matrix(r.size(), d, data));
        }
        return out;
    }

    @Test
    void equalsTheScriptOnTheFixture() throws IOException {
        List<Matrix> views = views();
        assertThat(views).hasSize(4);
        KnnAgreement knn = KnnAgreement.of(views, 10);
        assertThat(knn.samples()).isEqualTo(90);
        List<String> cases = lines("knn_scores.csv");
        assertThat(cases).hasSize(7);
        for (String line : cases) {
            String[] f = line.split(",");
            int[] labels = Arrays.stream(f[2].split(" ")).mapToInt(Integer::parseInt).toArray();
            assertThat(knn.score(labels)).as(f[0]).isCloseTo(Double.parseDouble(f[1]), within(1e-12));
        }
    }

    @Test
    void aLargeDatasetIsScoredOnAnEvenlySpacedSubsample() {
        int n = KnnAgreement.MAX_SAMPLES * 2;
        float[] x = new float[n * 2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double angle = (i % 2) * Math.PI / 2 + 0.3 * Math.sin(i); // two directions, even and odd rows
            x[2 * i] = (float) Math.cos(angle);
            x[2 * i + 1] = (float) Math.sin(angle);
            labels[i] = i % 2;
        }
        KnnAgreement knn = KnnAgreement.of(List.of(new Matrix(n, 2, x)), 10);
        assertThat(knn.samples()).isEqualTo(KnnAgreement.MAX_SAMPLES);
        // every second row of the data: all even, so one cluster, and a one-cluster partition scores 0
        assertThat(knn.score(labels)).isZero();
        int[] halves = new int[n];
        for (int i = n / 2; i < n; i++) {
            halves[i] = 1;
        }
        assertThat(knn.score(halves)).isLessThan(0.1);
    }
}
