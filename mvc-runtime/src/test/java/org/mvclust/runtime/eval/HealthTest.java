package org.mvclust.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;

/** Health measures on hand-made partitions. */
class HealthTest {
    @Test
    void clustersUsedAndSizeEntropy() {
        assertThat(Health.clustersUsed(new int[] {4, 4, 9, 1, 9})).isEqualTo(3);
        assertThat(Health.sizeEntropy(new int[] {0, 1, 2, 3, 0, 1, 2, 3}, 4)).isCloseTo(1.0, within(1e-12));
        assertThat(Health.sizeEntropy(new int[] {2, 2, 2, 2}, 4)).isZero();
        // two equal clusters of four possible: ln 2 / ln 4
        assertThat(Health.sizeEntropy(new int[] {0, 0, 3, 3}, 4)).isCloseTo(0.5, within(1e-12));
        // sizes 3 and 1: -(0.75 ln 0.75 + 0.25 ln 0.25) / ln 2
        assertThat(Health.sizeEntropy(new int[] {0, 0, 0, 1}, 2)).isCloseTo(0.8112781244591328, within(1e-12));
    }

    @Test
    void stabilityIsOneForIdenticalPartitionsUpToRenaming() {
        int[] a = {0, 0, 1, 1, 2, 2};
        int[] renamed = {5, 5, 0, 0, 3, 3};
        assertThat(Health.stability(List.of(a, a.clone(), renamed))).isCloseTo(1.0, within(1e-12));
        assertThat(Health.agreementWithOthers(List.of(a, renamed))).containsExactly(1.0, 1.0);
    }

    @Test
    void stabilityIsTheMeanPairwiseAri() {
        int[] a = {0, 0, 1, 1};
        int[] b = {0, 1, 0, 1}; // every pair split differently: ARI -1/2 with a
        assertThat(Metrics.ari(a, b)).isCloseTo(-0.5, within(1e-12));
        // pairs (a,a) 1, (a,b) -1/2, (a,b) -1/2: mean 0
        assertThat(Health.stability(List.of(a, a, b))).isCloseTo(0.0, within(1e-12));
        double[] per = Health.agreementWithOthers(List.of(a, a, b));
        assertThat(per[0]).isCloseTo(0.25, within(1e-12));
        assertThat(per[2]).isCloseTo(-0.5, within(1e-12));
        assertThat(Health.stability(List.of(a))).isNaN();
    }

    @Test
    void kmeansAgreementOnSeparatedBlobsSplitAcrossViews() {
        // blob c sits at (10c, 10c) in view 0 and (-10c) in view 1, with a small spread; 3 blobs of 5
        int n = 15;
        float[] v0 = new float[n * 2];
        float[] v1 = new float[n];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i / 5;
            float jitter = 0.1f * (i % 5);
            v0[2 * i] = 10 * truth[i] + jitter;
            v0[2 * i + 1] = 10 * truth[i] - jitter;
            v1[i] = -10 * truth[i] + jitter;
        }
        int[] ref = Health.kmeans(List.of(new Matrix(n, 2, v0), new Matrix(n, 1, v1)), 3, 0);
        Map<String, Object> m = Health.measures(truth, 3, ref, null);
        assertThat((double) m.get("kmeans_ari")).isCloseTo(1.0, within(1e-12));
        assertThat((double) m.get("kmeans_nmi")).isCloseTo(1.0, within(1e-12));
        int[] collapsed = new int[n];
        Map<String, Object> c = Health.measures(collapsed, 3, ref, null);
        assertThat(c.get("clusters_used")).isEqualTo(1);
        assertThat((double) c.get("kmeans_ari")).isCloseTo(0.0, within(1e-12));
        assertThat(c).doesNotContainKey("knn_agreement");
    }

    @Test
    void warnsOnCollapseBelowHalfTheClustersAndOnNaN() {
        assertThat(Health.warnings(5, 10, 0.7, null)).isEmpty();
        assertThat(Health.warnings(4, 10, 0.6, null)).singleElement().asString()
                .contains("uses only 4 of 10 clusters").contains("--select health");
        assertThat(Health.warnings(10, 10, 1.0, "ddc1, epoch 3 of phase train")).singleElement().asString()
                .contains("went NaN (ddc1, epoch 3 of phase train)").contains("learning rate");
        assertThat(Health.warnings(1, 10, 0.0, "loss, epoch 1 of phase train")).hasSize(2);
    }

    /** All 10 clusters used, one holding 991 of 1000 samples: effectively about 1.1 clusters, a collapse. */
    @Test
    void warnsWhenOneClusterHoldsMostSamples() {
        int[] labels = new int[1000];
        for (int c = 1; c < 10; c++) {
            labels[c] = c;
        }
        double e = Health.sizeEntropy(labels, 10);
        // H = −0.991 ln 0.991 − 9 · 0.001 ln 0.001 = 0.07113 nats; exp(H) = 1.0737
        assertThat(Health.effectiveClusters(e, 10)).isCloseTo(1.0737, within(1e-4));
        assertThat(Health.warnings(10, 10, e, null)).singleElement().asString()
                .contains("uses 10 of 10 clusters").contains("effectively 1.1 clusters");
        // five equal clusters: effectively 5 of 10, no warning
        assertThat(Health.effectiveClusters(Math.log(5) / Math.log(10), 10)).isCloseTo(5.0, within(1e-9));
        assertThat(Health.warnings(5, 10, Math.log(5) / Math.log(10), null)).isEmpty();
    }

    @Test
    void kmeansAboveTheFitLimitLabelsEverySampleByTheNearestCentre() {
        // 4 separated blobs, more samples than the fit takes: every sample gets its blob's label
        int n = Health.KMEANS_MAX_FIT + 2_003;
        float[] v = new float[2 * n];
        int[] blob = new int[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            blob[i] = r.nextInt(4);
            v[2 * i] = 20 * (blob[i] % 2) + (float) r.nextGaussian();
            v[2 * i + 1] = 20 * (blob[i] / 2) + (float) r.nextGaussian();
        }
        int[] labels = Health.kmeans(List.of(new Matrix(n, 2, v)), 4, 0);
        assertThat(labels).hasSize(n);
        assertThat(Metrics.ari(labels, blob)).isEqualTo(1.0);
    }
}
