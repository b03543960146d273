package org.mvclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.api.DatasetException;
import org.mvclust.api.MultiViewData;
import org.mvclust.api.Params;

/** The synthetic generator's cluster sizes. */
class SyntheticReaderTest {
    private static MultiViewData read(Map<String, Object> extra) throws DatasetException {
        Map<String, Object> p = new HashMap<>(Map.of("samples", 300, "clusters", 4, "dims", List.of(3, 5), "noise", List.of(0.5, 1.0),
                "latent", 4, "separation", 3.0, "seed", 2));
        p.putAll(extra);
        return new SyntheticReader().read(null, new Params(p));
    }

    private static int[] counts(int[] labels, int k) {
        int[] c = new int[k];
        for (int l : labels) {
            c[l]++;
        }
        return c;
    }

    @Test
    void equalSizesByDefault() throws Exception {
        assertThat(counts(read(Map.of()).labels(), 4)).containsExactly(75, 75, 75, 75);
        assertThat(read(Map.of("imbalance", 1.0)).labels()).isEqualTo(read(Map.of()).labels());
    }

    @Test
    void imbalanceIsTheRatioOfLargestToSmallest() throws Exception {
        // weights 8^0, 8^-1/3, 8^-2/3, 8^-1 = 1, 1/2, 1/4, 1/8 of 300 * 8/15
        int[] c = counts(read(Map.of("imbalance", 8.0)).labels(), 4);
        assertThat(c).containsExactly(160, 80, 40, 20);
        assertThat(Arrays.stream(SyntheticReader.sizes(10, 4, 100)).sum()).isEqualTo(10);
        assertThat(Arrays.stream(SyntheticReader.sizes(10, 4, 100)).min().orElseThrow()).isEqualTo(1);
        assertThatThrownBy(() -> read(Map.of("imbalance", 0.5))).isInstanceOf(DatasetException.class).hasMessageContaining("imbalance 0.5");
    }
}
