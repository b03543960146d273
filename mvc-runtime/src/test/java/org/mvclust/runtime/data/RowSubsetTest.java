package org.mvclust.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.api.DatasetException;
import org.mvclust.api.DatasetReader;
import org.mvclust.api.Params;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;

class RowSubsetTest {
    /** 10 samples; view 0 holds the row number, view 1 twice it, the label the row number mod 3. */
    private static MultiViewData data() {
        float[] a = new float[10];
        float[] b = new float[20];
        int[] labels = new int[10];
        for (int i = 0; i < 10; i++) {
            a[i] = i;
            b[2 * i] = 2 * i;
            b[2 * i + 1] = -i;
            labels[i] = i % 3;
        }
        return new MultiViewData("ten", List.of("a", "b"), List.of(new Matrix(10, 1, a), new Matrix(10, 2, b)), labels);
    }

    @Test
    void selectRowsCopiesTheGivenRowsInTheirOrder() {
        Matrix b = data().views().get(1);
        Matrix picked = b.selectRows(new int[] {7, 0, 7});
        assertThat(picked.rows()).isEqualTo(3);
        assertThat(picked.data()).containsExactly(14, -7, 0, 0, 14, -7);
        assertThat(b.selectRows(new int[0]).data()).isEmpty();
    }

    private static RowSubset.Spec take(String... kv) throws DatasetException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            options.put(kv[i], kv[i + 1]);
        }
        RowSubset.Spec s = RowSubset.take("ten", options);
        assertThat(options).doesNotContainKeys("subset", "subset_seed");
        return s;
    }

    @Test
    void keepsDistinctRowsInDatasetOrderWithTheirLabels() throws DatasetException {
        MultiViewData d = take("subset", "4").apply(data());
        assertThat(d.samples()).isEqualTo(4);
        float[] rows = d.views().get(0).data();
        for (int i = 0; i < 4; i++) {
            int r = (int) rows[i];
            if (i > 0) {
                assertThat(r).isGreaterThan((int) rows[i - 1]);
            }
            assertThat(d.views().get(1).get(i, 0)).isEqualTo(2f * r);
            assertThat(d.views().get(1).get(i, 1)).isEqualTo(-r);
            assertThat(d.labels()[i]).isEqualTo(r % 3);
        }
        assertThat(d.name()).isEqualTo("ten:subset=4,seed=7");
    }

    @Test
    void theSeedDecidesTheRows() throws DatasetException {
        float[] a = take("subset", "5").apply(data()).views().get(0).data();
        assertThat(take("subset", "5", "subset_seed", "7").apply(data()).views().get(0).data()).containsExactly(a);
        boolean differs = false;
        for (int seed = 0; seed < 5 && !differs; seed++) {
            differs = !java.util.Arrays.equals(a, take("subset", "5", "subset_seed", "" + seed).apply(data()).views().get(0).data());
        }
        assertThat(differs).isTrue();
    }

    @Test
    void aSubsetAsLargeAsTheDataKeepsEverything() throws DatasetException {
        MultiViewData d = data();
        assertThat(take("subset", "10").apply(d)).isSameAs(d);
        assertThat(take("subset", "3000").apply(d)).isSameAs(d);
        assertThat(take()).isNull();
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> take("subset", "0")).hasMessageContaining("ten").hasMessageContaining("subset=0");
        assertThatThrownBy(() -> take("subset", "many")).hasMessageContaining("subset=many");
        assertThatThrownBy(() -> take("subset", "5", "subset_seed", "-1")).hasMessageContaining("subset_seed=-1");
        assertThatThrownBy(() -> take("subset_seed", "3")).hasMessageContaining("subset_seed without subset");
    }

    /** Through the resolver: the options come from the spec or from the graph's defaults, and never reach the reader. */
    @Test
    void theResolverAppliesItBeforeTheReaderSeesTheOptions() throws DatasetException {
        DatasetReader ten = new DatasetReader() {
            @Override
            public String name() {
                return "ten";
            }

            @Override
            public String description() {
                return "ten rows";
            }

            @Override
            public MultiViewData read(Path source, Params params) {
                return data();
            }
        };
        DataResolver r = new DataResolver(Map.of("ten", ten), List.of());
        MultiViewData spec = r.load("ten:subset=4", List.of());
        MultiViewData graph = r.load("ten", List.of(), Map.of("subset", "4", "subset_seed", "7"));
        assertThat(spec.samples()).isEqualTo(4);
        assertThat(graph.views().get(0).data()).containsExactly(spec.views().get(0).data());
        assertThat(r.load("ten:subset=4,subset_seed=1", List.of(), Map.of("subset", "6")).samples()).isEqualTo(4);
    }
}
