package org.mvclust.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;

/** Masks from NaN rows and mask files, and the imputation baselines. */
class PresenceTest {
    private static final float NAN = Float.NaN;

    @TempDir
    Path dir;

    private static MultiViewData data(Matrix... views) {
        return new MultiViewData("d", java.util.stream.IntStream.range(0, views.length).mapToObj(i -> "v" + i).toList(),
                List.of(views), null);
    }

    @Test
    void wholeNanRowsAreAbsentViewsAndPartialRowsAreErrors() throws Exception {
        Matrix a = new Matrix(3, 2, new float[] {1, 2, NAN, NAN, 5, 6});
        Matrix b = new Matrix(3, 1, new float[] {7, 8, NAN});
        Matrix mask = Presence.of(data(a, b));
        assertThat(mask.data()).containsExactly(1, 1, 0, 1, 1, 0);
        Matrix partial = new Matrix(3, 2, new float[] {1, 2, NAN, 4, 5, 6});
        assertThatThrownBy(() -> Presence.of(data(partial, b))).hasMessageContaining("view 1")
                .hasMessageContaining("sample 2").hasMessageContaining("whole row of NaN");
        Matrix none = new Matrix(3, 1, new float[] {7, NAN, 9});
        assertThatThrownBy(() -> Presence.of(data(a, none))).hasMessageContaining("sample 2 has no view at all");
    }

    @Test
    void aMaskFileRoundTripsAndBadFilesNameTheLine() throws Exception {
        Matrix mask = MissingViews.generate(20, 3, 0.4, 1, "mcar", "t");
        Path f = dir.resolve("m.csv");
        Files.writeString(f, Presence.csv(mask, List.of("a", "b", "c")));
        assertThat(Presence.read(f, 20, 3).data()).containsExactly(mask.data());
        Files.writeString(f, "sample,a,b\n0,1,0\n1,0,0\n");
        assertThatThrownBy(() -> Presence.read(f, 2, 2)).hasMessageContaining("line 3").hasMessageContaining("no view");
        Files.writeString(f, "sample,a,b\n0,1,2\n");
        assertThatThrownBy(() -> Presence.read(f, 1, 2)).hasMessageContaining("line 2, view 2").hasMessageContaining("'2'");
        Files.writeString(f, "sample,a,b\n0,1,1\n");
        assertThatThrownBy(() -> Presence.read(f, 2, 2)).hasMessageContaining("1 rows, but the dataset has 2 samples");
    }

    @Test
    void meanImputationUsesThePresentRowsOnly() {
        Matrix a = new Matrix(3, 2, new float[] {1, 2, 0, 0, 3, 8});
        Matrix mask = new Matrix(3, 1, new float[] {1, 0, 1});
        Imputation.apply("mean", List.of(a), mask, 5);
        assertThat(a.data()).containsExactly(1, 2, 2, 5, 3, 8);
    }

    @Test
    void knnImputationAveragesTheNearestDonorsInTheSharedViews() {
        // view 0 locates samples on a line; view 1 is absent for sample 0, whose nearest donors are samples 1 and 2
        Matrix v0 = new Matrix(5, 1, new float[] {0, 0.1f, -0.2f, 5, 6});
        Matrix v1 = new Matrix(5, 2, new float[] {0, 0, 1, 2, 3, 4, 100, 100, 200, 200});
        Matrix mask = new Matrix(5, 2, new float[] {1, 0, 1, 1, 1, 1, 1, 1, 1, 1});
        Imputation.apply("knn", List.of(v0, v1), mask, 2);
        assertThat(v1.get(0, 0)).isCloseTo(2f, within(1e-6f));
        assertThat(v1.get(0, 1)).isCloseTo(3f, within(1e-6f));
        assertThat(v1.get(3, 0)).isEqualTo(100f);
    }

    @Test
    void preprocessingIsFittedOnThePresentRows() {
        Matrix view = new Matrix(3, 1, new float[] {2, 0, 4});
        Matrix mask = new Matrix(3, 1, new float[] {1, 0, 1});
        Incomplete.preprocess(new StandardPreprocessors.MinMax(), view, mask, 0);
        assertThat(view.data()).containsExactly(0, 0, 1);
    }

    @Test
    void theProtocolsOptionsComeOffTheDatasetSpec() {
        Incomplete.Split s = Incomplete.take(Incomplete.withFlag("hw:views=1,2", "rate=0.3,seed=2,impute=knn"));
        assertThat(s.dataset()).isEqualTo("hw:views=1,2");
        assertThat(s.spec().rate()).isEqualTo(0.3);
        assertThat(s.spec().seed()).isEqualTo(2);
        assertThat(s.spec().impute()).isEqualTo("knn");
        assertThat(Incomplete.take("hw").spec()).isEqualTo(Incomplete.Spec.NONE);
        assertThatThrownBy(() -> Incomplete.withFlag("hw", "ratio=0.3")).hasMessageContaining("unknown key 'ratio'");
        assertThatThrownBy(() -> Incomplete.take("hw:impute=median")).hasMessageContaining("impute=median");
    }
}
