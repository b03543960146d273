package org.mvclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.api.DatasetException;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.api.Params;

class CsvReaderTest {
    @TempDir
    Path dir;

    private static MultiViewData read(Path source, String... options) throws DatasetException {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            m.put(options[i], options[i + 1]);
        }
        return new CsvReader().read(source, new Params(m));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void directoryOfViewFilesInNaturalOrderWithLabels() throws Exception {
        write("view10.csv", "a,b\n1,2\n3,4\n5,6\n");
        write("view2.csv", "7\n8\n9\n");
        write("labels.csv", "label\n3\n1\n3\n");
        write("notes.csv", "ignored\n");
        MultiViewData d = read(dir);
        assertThat(d.viewNames()).containsExactly("view2", "view10");
        assertThat(d.views().get(0).data()).containsExactly(7, 8, 9);
        assertThat(d.views().get(1).data()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(d.labels()).containsExactly(1, 0, 1);
    }

    @Test
    void directoryWithoutViewPrefixUsesEveryOtherFileAndNamedLabels() throws Exception {
        write("b.csv", "1;2\n3;4\n");
        write("a.csv", "5\n6\n");
        write("truth.csv", "cat\ndog\n");
        MultiViewData d = read(dir, "delimiter", ";", "labels", "truth.csv");
        assertThat(d.viewNames()).containsExactly("a", "b");
        assertThat(d.labels()).containsExactly(0, 1);
    }

    @Test
    void singleFileWithViewPrefixesQuotesAndTabs() throws Exception {
        Path f = write("one.tsv.csv", "'v1|x'\t'v1|y'\tclass\t'v2|z'\n1\t2\t'b'\t3\n4\t5\t'a'\t6\n");
        MultiViewData d = read(f, "delimiter", "\\t", "quote", "'", "view_sep", "|");
        assertThat(d.viewNames()).containsExactly("v1", "v2");
        assertThat(d.views().get(0).data()).containsExactly(1, 2, 4, 5);
        assertThat(d.views().get(1).data()).containsExactly(3, 6);
        assertThat(d.labels()).containsExactly(1, 0);
    }

    @Test
    void singleFileWithoutHeaderIsOneView() throws Exception {
        Path f = write("plain.csv", "1,2\n3,4\n");
        MultiViewData d = read(f);
        assertThat(d.viewNames()).containsExactly("plain");
        assertThat(d.hasLabels()).isFalse();
        MultiViewData labelled = read(f, "labels", "2", "header", "false");
        assertThat(labelled.views().get(0).data()).containsExactly(1, 3);
        assertThat(labelled.labels()).containsExactly(0, 1);
    }

    @Test
    void readsAFileWrittenByPythonsCsvModule() throws Exception {
        Path f = Path.of("src/test/resources/org/mvclust/datasets/csv/python_export.csv");
        MultiViewData d = read(f, "labels", "species");
        assertThat(d.viewNames()).containsExactly("colour", "shape");
        assertThat(d.samples()).isEqualTo(12);
        assertThat(d.views().stream().mapToInt(Matrix::cols).toArray()).containsExactly(3, 2);
        assertThat(d.views().get(0).get(2, 2)).isEqualTo(3.0000000000000004e-05f);
        assertThat(d.views().get(1).get(5, 0)).isEqualTo(205f);
        assertThat(d.labels()).startsWith(0, 1, 2, 0);
    }

    @Test
    void roundTripsWhatTheProjectWrites() throws Exception {
        MultiViewData original = new SyntheticReader().read(null, new Params(Map.of("samples", 50, "clusters", 5,
                "dims", List.of(3, 11), "noise", List.of(0.5, 1.0), "latent", 4, "separation", 3.0, "seed", 1)));
        Path out = dir.resolve("export");
        CsvWriter.write(original, out);
        MultiViewData back = read(out);
        assertThat(back.viewCount()).isEqualTo(2);
        for (int v = 0; v < 2; v++) {
            assertThat(back.views().get(v).cols()).isEqualTo(original.views().get(v).cols());
            assertThat(back.views().get(v).data()).isEqualTo(original.views().get(v).data());
        }
        assertThat(back.labels()).isEqualTo(original.labels());
        assertThat(new CsvReader().accepts(out)).isTrue();
        assertThat(new CsvReader().accepts(out.resolve("view1.csv"))).isTrue();
        assertThat(new CsvReader().accepts(dir.resolve("x.mat"))).isFalse();
    }

    @Test
    void raggedRowNamesFileAndLine() throws Exception {
        Path f = write("ragged.csv", "a:x,a:y,b:z\n1,2,3\n4,5\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("line 3 has 2 fields, expected 3");
    }

    @Test
    void nonNumericCellNamesFileLineAndColumn() throws Exception {
        Path f = write("text.csv", "a:x,a:y,b:z\n1,2,3\n4,five,6\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("line 3, column 2 ('a:y'): 'five' is not a number");
    }

    @Test
    void malformedQuotingNamesFileAndLine() throws Exception {
        Path f = write("quotes.csv", "1,2\n3,\"4\"x\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("malformed CSV").hasMessageContaining("line 2");
    }

    @Test
    void nanAndInfinityAreErrorsUnlessImputed() throws Exception {
        Path f = write("gaps.csv", "x,y\n1,2\n,4\n3,inf\n5,6\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("view 1 ('gaps') has 2 non-finite values")
                .hasMessageContaining("sample 2, feature 1");
        assertThat(read(f, "nan", "impute-mean").views().get(0).data()).containsExactly(1, 2, 3, 4, 3, 4, 5, 6);
    }

    @Test
    void absentKeepsWholeNanRowsAndRefusesPartialOnes() throws Exception {
        Path f = write("absent.csv", "x,y\n1,2\nnan,nan\n5,6\n");
        float[] x = read(f, "nan", "absent").views().get(0).data();
        assertThat(x).hasSize(6);
        assertThat(Float.isNaN(x[2]) && Float.isNaN(x[3])).isTrue();
        assertThat(x[4]).isEqualTo(5f);
        Path g = write("partial.csv", "x,y\n1,2\nnan,4\n5,inf\n");
        assertThatThrownBy(() -> read(g, "nan", "absent")).isInstanceOf(DatasetException.class)
                .hasMessageContaining(g.toString()).hasMessageContaining("sample 2 has a non-finite value at feature 1")
                .hasMessageContaining("nan=absent takes only whole NaN rows");
    }

    @Test
    void viewsWithDifferentSampleCountsAndLabelsOfTheWrongLength() throws Exception {
        write("view1.csv", "1\n2\n3\n");
        write("view2.csv", "1\n2\n");
        assertThatThrownBy(() -> read(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("view 2 ('view2') has 2");
        write("view2.csv", "1\n2\n3\n");
        write("labels.csv", "1\n2\n");
        assertThatThrownBy(() -> read(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("labels have 2 entries but the views have 3 samples");
    }

    @Test
    void emptyViewsAndFiles() throws Exception {
        write("view1.csv", "1\n2\n");
        write("view2.csv", "x,y\n");
        assertThatThrownBy(() -> read(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("view 2 ('view2') is empty");
        Path empty = write("view2.csv", "");
        assertThatThrownBy(() -> read(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(empty.toString()).hasMessageContaining("empty file");
    }

    @Test
    void missingSourcesAndBadOptions() throws Exception {
        Path absent = dir.resolve("absent.csv");
        assertThatThrownBy(() -> read(absent)).isInstanceOf(DatasetException.class).hasMessageContaining(absent.toString());
        Path f = write("ok.csv", "x,label\n1,1\n");
        assertThatThrownBy(() -> read(f, "labels", "y")).isInstanceOf(DatasetException.class)
                .hasMessageContaining("no such label column");
        assertThatThrownBy(() -> read(f, "header", "maybe")).isInstanceOf(DatasetException.class)
                .hasMessageContaining("header=maybe is not one of auto|true|false");
        assertThatThrownBy(() -> read(f, "quote", ",")).isInstanceOf(DatasetException.class)
                .hasMessageContaining("unusable CSV dialect");
    }
}
