package org.mvclust.graphs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class AnchorGcnTest {
    @Test
    void anchorSimilarityRowsSumToOneAndOutputsAreDistributions() {
        int n = 60, m = 10, c = 4;
        try (BlockHarness h = new BlockHarness(c, n, 2)) {
            Operand<TFloat32> u = h.randomInput(m, 5);
            Operand<TFloat32> s = AnchorGraph.graph(h.tf(), h.randomInput(n, 5), u, 3, 1e-10);
            Map<String, Operand<TFloat32>> out = h.build(new AnchorGcn(), Map.of("s", s, "anchors", u), Map.of(), Map.of());
            float[] g = h.eval(out.get("graph"));
            float[] sv = h.eval(s);
            for (int j = 0; j < m; j++) {
                double deg = 0;
                for (int i = 0; i < n; i++) {
                    deg += sv[i * m + j];
                }
                double row = 0;
                for (int l = 0; l < m; l++) {
                    row += g[j * m + l];
                }
                // an anchor that no sample has among its nearest has an empty row
                assertThat(row).isCloseTo(deg > 0 ? 1.0 : 0.0, within(1e-5));
            }
            float[] f = h.eval(out.get("f"));
            assertThat(f).hasSize(m * c);
            for (int j = 0; j < m; j++) {
                double row = 0;
                for (int l = 0; l < c; l++) {
                    row += f[j * c + l];
                }
                assertThat(row).isCloseTo(1.0, within(1e-5));
            }
        }
    }

    @Test
    void anchorSimilarityEqualsExplicitFormula() {
        int n = 8, m = 4;
        try (BlockHarness h = new BlockHarness(2, n, 4)) {
            Operand<TFloat32> u = h.randomInput(m, 3);
            Operand<TFloat32> s = AnchorGraph.graph(h.tf(), h.randomInput(n, 3), u, 2, 1e-10);
            Map<String, Operand<TFloat32>> out = h.build(new AnchorGcn(), Map.of("s", s, "anchors", u), Map.of(), Map.of());
            float[] sv = h.eval(s);
            double[] deg = new double[m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    deg[j] += sv[i * m + j];
                }
            }
            float[] g = h.eval(out.get("graph"));
            for (int j = 0; j < m; j++) {
                for (int l = 0; l < m; l++) {
                    double a = 0;
                    for (int i = 0; i < n; i++) {
                        a += sv[i * m + j] * sv[i * m + l];
                    }
                    assertThat((double) g[j * m + l]).isCloseTo(deg[j] > 0 ? a / deg[j] : 0, within(1e-5));
                }
            }
        }
    }

    @Test
    void sampleGraphThroughTheAnchorsIsDoublyStochastic() {
        // G = S D_S^-1 Sᵀ (n × n, built here only to check it; the method never forms it) is symmetric by
        // construction, so rows summing to 1 make it doubly stochastic
        int n = 30, m = 8;
        try (BlockHarness h = new BlockHarness(2, n, 9)) {
            float[] s = h.eval(AnchorGraph.graph(h.tf(), h.randomInput(n, 4), h.randomInput(m, 4), 3, 1e-10));
            double[] deg = new double[m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    deg[j] += s[i * m + j];
                }
            }
            for (int i = 0; i < n; i++) {
                double row = 0;
                for (int l = 0; l < n; l++) {
                    for (int j = 0; j < m; j++) {
                        if (deg[j] > 0) {
                            row += s[i * m + j] * s[l * m + j] / deg[j];
                        }
                    }
                }
                assertThat(row).isCloseTo(1.0, within(1e-5));
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        int n = 7, m = 5;
        try (BlockHarness h = new BlockHarness(3, n, 6)) {
            Operand<TFloat32> s = h.randomInput(n, m);
            Operand<TFloat32> u = h.randomInput(m, 3);
            var tf = h.tf();
            Operand<TFloat32> sPos = tf.nn.softmax(s);
            Operand<TFloat32> f = h.build(new AnchorGcn(), Map.of("s", sPos, "anchors", u), Map.of(),
                    Map.of("hidden", List.of(4), "activation", "tanh")).get("f");
            Operand<TFloat32> w = h.randomInput(m, 3);
            Operand<TFloat32> loss = tf.sum(tf.reshape(tf.math.mul(f, w), tf.constant(new long[] {-1})), tf.constant(0));
            assertThat(h.gradientError(loss, s, 1e-2)).isLessThan(1e-2);
            assertThat(h.gradientError(loss, u, 1e-2)).isLessThan(1e-2);
        }
    }
}
