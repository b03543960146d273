package org.mvclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mvclust.datasets.MatFiles.cell;
import static org.mvclust.datasets.MatFiles.doubles;
import static org.mvclust.datasets.MatFiles.file;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.api.DatasetException;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.api.Params;

class MatReaderTest {
    /** Written by make_v73_fixture.py (h5py) beside it. */
    static final Path V73_FIXTURE = Path.of("src/test/resources/org/mvclust/datasets/mat/small_v73.mat");

    @TempDir
    Path dir;

    /** 4 samples as rows: view 1 is 4×2 with values 10*row+col, view 2 is 4×3 with 100+10*row+col (1-based). */
    private static byte[] view(String name, int n, int d, int base, boolean columns) {
        double[] v = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                v[columns ? i * d + j : j * n + i] = base + 10 * (i + 1) + (j + 1);
            }
        }
        return columns ? doubles(name, d, n, v) : doubles(name, n, d, v);
    }

    private MultiViewData read(byte[] bytes, String... options) throws Exception {
        Path p = dir.resolve("t.mat");
        Files.write(p, bytes);
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            m.put(options[i], options[i + 1]);
        }
        return new MatReader().read(p, new Params(m));
    }

    private static void assertViews(MultiViewData d, int... dims) {
        assertThat(d.views().stream().mapToInt(Matrix::cols).toArray()).containsExactly(dims);
        for (int v = 0; v < d.viewCount(); v++) {
            assertThat(d.views().get(v).get(2, 1)).isEqualTo((v == 0 ? 0 : 100) + 32f);
        }
    }

    @Test
    void cellOfViewsWithSamplesAsRows() throws Exception {
        MultiViewData d = read(file(cell("X", 1, 2, view("", 4, 2, 0, false), view("", 4, 3, 100, false)),
                doubles("Y", 4, 1, 1, 2, 2, 3)));
        assertThat(d.samples()).isEqualTo(4);
        assertViews(d, 2, 3);
        assertThat(d.viewNames()).containsExactly("X{1}", "X{2}");
        assertThat(d.labels()).containsExactly(0, 1, 1, 2);
        assertThat(d.name()).isEqualTo("t");
    }

    @Test
    void compressedCellWithSamplesAsColumnsAndRowLabels() throws Exception {
        MultiViewData d = read(file(true, cell("data", 2, 1, view("", 4, 2, 0, true), view("", 4, 3, 100, true)),
                doubles("truelabel", 1, 4, 3, 1, 1, 2), MatFiles.chars("note", "hello")));
        assertViews(d, 2, 3);
        assertThat(d.labels()).containsExactly(2, 0, 0, 1);
    }

    @Test
    void separateVariablesInNumberOrder() throws Exception {
        MultiViewData d = read(file(view("view10", 4, 3, 100, false), view("view2", 4, 2, 0, false),
                doubles("gt", 4, 1, 0, 1, 0, 1)));
        assertViews(d, 2, 3);
        assertThat(d.viewNames()).containsExactly("view2", "view10");
        assertThat(d.labels()).containsExactly(0, 1, 0, 1);
    }

    @Test
    void sparseIntegerSingleAndLogicalViews() throws Exception {
        byte[] sparse = MatFiles.sparse("", 4, 3, new int[] {2, 0}, new int[] {0, 0, 1, 2}, new double[] {7, 8});
        byte[] ints = MatFiles.int32("", 4, 1, -1, 2, 3, 4);
        byte[] bytes = MatFiles.uint8("", 4, 1, 255, 0, 1, 2);
        byte[] single = MatFiles.singles("", 4, 1, 0.5f, 1.5f, 2.5f, 3.5f);
        byte[] logical = MatFiles.numeric("", new int[] {4, 1}, MatFiles.UINT8, 2, new byte[] {1, 0, 1, 0}, true);
        MultiViewData d = read(file(cell("X", 1, 5, sparse, ints, bytes, single, logical), doubles("Y", 4, 1, 1, 2, 3, 4)));
        Matrix s = d.views().get(0);
        assertThat(s.data()).containsExactly(0, 0, 8, 0, 0, 0, 0, 7, 0, 0, 0, 0);
        assertThat(d.views().get(1).data()).containsExactly(-1, 2, 3, 4);
        assertThat(d.views().get(2).data()).containsExactly(255, 0, 1, 2);
        assertThat(d.views().get(3).data()).containsExactly(0.5f, 1.5f, 2.5f, 3.5f);
        assertThat(d.views().get(4).data()).containsExactly(1, 0, 1, 0);
    }

    @Test
    void labelsAnyIntegersInACellOfCopies() throws Exception {
        byte[] labels = doubles("", 4, 1, 20, -5, 20, 7);
        MultiViewData d = read(file(cell("X", 1, 2, view("", 4, 2, 0, false), view("", 4, 3, 100, false)),
                cell("truelabel", 2, 1, labels, labels)));
        assertThat(d.labels()).containsExactly(2, 0, 2, 1);
        assertThat(d.classes()).isEqualTo(3);
    }

    @Test
    void withoutLabelsTheSharedDimensionDecides() throws Exception {
        MultiViewData d = read(file(cell("X", 1, 2, view("", 4, 2, 0, true), view("", 4, 3, 100, true))));
        assertViews(d, 2, 3);
        assertThat(d.hasLabels()).isFalse();
    }

    @Test
    void overridesNameViewsLabelsAndOrientation() throws Exception {
        byte[] f = file(view("A", 4, 2, 0, false), view("B", 4, 3, 100, false), doubles("L", 4, 1, 1, 1, 2, 2),
                doubles("Y", 1, 1, 5));
        MultiViewData d = read(f, "views", "B, A", "labels", "L", "samples", "rows");
        assertThat(d.viewNames()).containsExactly("B", "A");
        assertThat(d.labels()).containsExactly(0, 0, 1, 1);
    }

    @Test
    void squareViewsNeedAnExplicitOrientation() throws Exception {
        byte[] f = file(cell("X", 1, 1, doubles("", 2, 2, 1, 2, 3, 4)), doubles("Y", 2, 1, 1, 2));
        assertThatThrownBy(() -> read(f)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("samples=rows or samples=columns");
        assertThat(read(f, "samples", "columns").views().get(0).data()).containsExactly(1, 2, 3, 4);
        assertThat(read(f, "samples", "rows").views().get(0).data()).containsExactly(1, 3, 2, 4);
    }

    @Test
    void nanIsAnErrorNamingViewAndPlaceOrImputedWithTheColumnMean() throws Exception {
        byte[] gaps = doubles("", 4, 2, 1, Double.NaN, 3, Double.NaN, 5, 6, 7, 8);
        byte[] f = file(cell("X", 1, 2, view("", 4, 2, 0, false), gaps),
                doubles("Y", 4, 1, 1, 2, 3, 4));
        assertThatThrownBy(() -> read(f)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("view 2 ('X{2}')").hasMessageContaining("2 non-finite")
                .hasMessageContaining("sample 2, feature 1").hasMessageContaining("nan=impute-mean");
        Matrix m = read(f, "nan", "impute-mean").views().get(1);
        assertThat(m.data()).containsExactly(1, 5, 2, 6, 3, 7, 2, 8);
    }

    @Test
    void infinityIsAnError() {
        byte[] f = file(cell("X", 1, 1, doubles("", 2, 1, 1, Double.NEGATIVE_INFINITY)), doubles("Y", 2, 1, 1, 2));
        assertThatThrownBy(() -> read(f)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("view 1 ('X{1}')")
                .hasMessageContaining("sample 2, feature 1");
    }

    @Test
    void readsMatlab73ThroughHdf5() throws Exception {
        Path p = dir.resolve("v73.mat");
        try (WritableHdfFile h = HdfFile.write(p)) {
            h.putDataset("X1", new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}}).putAttribute("MATLAB_class", "double");
            h.putDataset("X2", new float[][] {{9, 10, 11, 12}}).putAttribute("MATLAB_class", "single");
            h.putDataset("Y", new double[][] {{1, 2, 1, 2}}).putAttribute("MATLAB_class", "double");
        }
        MultiViewData d = new MatReader().read(p, new Params(Map.of()));
        assertThat(d.viewNames()).containsExactly("X1", "X2");
        assertThat(d.views().get(0).data()).containsExactly(1, 5, 2, 6, 3, 7, 4, 8);
        assertThat(d.views().get(1).data()).containsExactly(9, 10, 11, 12);
        assertThat(d.labels()).containsExactly(0, 1, 0, 1);
    }

    @Test
    void readsAMatlabStyleV73FileWithCellsOfReferencesAndSparse() throws Exception {
        MultiViewData d = new MatReader().read(V73_FIXTURE, new Params(Map.of()));
        assertThat(d.viewNames()).containsExactly("X{1}", "X{2}", "X{3}");
        assertThat(d.views().stream().mapToInt(Matrix::cols).toArray()).containsExactly(3, 4, 2);
        assertThat(d.labels()).containsExactly(0, 1, 2, 0, 1, 2);
        Matrix dense = d.views().get(0);
        assertThat(dense.get(1, 2)).isEqualTo((2 * 6 + 1) / 4f);
        Matrix sparse = d.views().get(1);
        for (int c = 0; c < 6; c++) {
            assertThat(sparse.get(c, c % 4)).isEqualTo(c + 1f);
        }
        assertThat(d.views().get(2).get(5, 1)).isEqualTo(11f);
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("absent.mat");
        assertThatThrownBy(() -> new MatReader().read(p, new Params(Map.of())))
                .isInstanceOf(DatasetException.class).hasMessageContaining(p.toString()).hasMessageContaining("no such file");
    }

    @Test
    void truncatedFile() {
        byte[] whole = file(cell("X", 1, 2, view("", 4, 2, 0, false), view("", 4, 3, 100, false)),
                doubles("Y", 4, 1, 1, 2, 3, 4));
        assertThatThrownBy(() -> read(Arrays.copyOf(whole, 300))).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("byte 128");
        byte[] zipped = file(true, view("X1", 4, 2, 0, false));
        assertThatThrownBy(() -> read(Arrays.copyOf(zipped, zipped.length - 9))).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("element at byte 128 declares");
        Arrays.fill(zipped, 140, 150, (byte) 0xFF);
        assertThatThrownBy(() -> read(zipped)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("compressed").hasMessageContaining("at byte 128");
    }

    @Test
    void corruptFiles() {
        assertThatThrownBy(() -> read("name,value\n1,2\n".getBytes())).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("too short");
        byte[] notMat = new byte[600];
        Arrays.fill(notMat, (byte) 'x');
        assertThatThrownBy(() -> read(notMat)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("not a MATLAB MAT-file");
        byte[] badHdf = Arrays.copyOf(file(), 1024);
        System.arraycopy(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}, 0, badHdf, 512, 8);
        assertThatThrownBy(() -> read(badHdf)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("HDF5");
    }

    @Test
    void unknownVariables() {
        byte[] f = file(cell("X", 1, 1, view("", 4, 2, 0, false)), doubles("Y", 4, 1, 1, 2, 3, 4));
        assertThatThrownBy(() -> read(f, "views", "Z")).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("'Z'").hasMessageContaining("X (1×1 cell)");
        assertThatThrownBy(() -> read(f, "labels", "gnd")).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("'gnd'").hasMessageContaining("Y (4×1 double)");
        assertThatThrownBy(() -> read(file(doubles("A", 4, 1, 1, 2, 3, 4)))).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("which variables are the views");
    }

    @Test
    void viewsWithDifferentSampleCounts() {
        byte[] f = file(cell("X", 1, 2, view("", 4, 2, 0, false), view("", 5, 3, 100, false)));
        assertThatThrownBy(() -> read(f)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("different sample counts").hasMessageContaining("X{2} 5×3");
        assertThatThrownBy(() -> read(f, "samples", "rows")).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("view 2 ('X{2}') has 5");
    }

    @Test
    void labelsOfTheWrongLength() {
        byte[] f = file(cell("X", 1, 1, view("", 4, 2, 0, false)), doubles("Y", 3, 1, 1, 2, 3));
        assertThatThrownBy(() -> read(f)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("view 'X{1}' is 4×2 double but labels 'Y' have 3 entries");
        assertThatThrownBy(() -> read(f, "samples", "rows")).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("labels have 3 entries but the views have 4 samples");
    }

    @Test
    void badLabelValues() {
        byte[] view = cell("X", 1, 1, view("", 4, 2, 0, false));
        assertThatThrownBy(() -> read(file(view, doubles("Y", 4, 1, 1, 2.5, 3, 4)))).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("labels 'Y' entry 2 is 2.5");
        byte[] matrix = doubles("Y", 4, 2, 1, 2, 3, 4, 1, 2, 3, 4);
        assertThatThrownBy(() -> read(file(view, matrix))).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("labels 'Y' is 4×2 double, expected a numeric vector");
    }

    @Test
    void emptyView() {
        byte[] f = file(cell("X", 1, 2, view("", 4, 2, 0, false), doubles("", 4, 0)), doubles("Y", 4, 1, 1, 2, 3, 4));
        assertThatThrownBy(() -> read(f)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("view 2 ('X{2}') is empty");
        // Found by the fuzzer: an empty view cell reached the orientation check.
        assertThatThrownBy(() -> read(file(cell("X", 1, 0), doubles("Y", 4, 1, 1, 2, 3, 4))))
                .isInstanceOf(DatasetException.class).hasMessageContaining("t.mat: no views (the view cell is empty)");
        assertThatThrownBy(() -> read(f, "views", ","))
                .isInstanceOf(DatasetException.class).hasMessageContaining("t.mat: no views in views=,");
    }

    @Test
    void absurdDeclaredSizesAreRefusedBeforeAllocating() {
        byte[] huge = MatFiles.numeric("X1", new int[] {100_000, 100_000}, MatFiles.DOUBLE, 9, new byte[8], false);
        assertThatThrownBy(() -> read(file(huge))).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("variable 'X1'").hasMessageContaining("100000×100000");
        byte[] lying = MatFiles.numeric("X1", new int[] {30_000, 30_000}, MatFiles.DOUBLE, 9, new byte[8], false);
        assertThatThrownBy(() -> read(file(lying))).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("variable 'X1'")
                .hasMessageContaining("expected 900000000 values");
        // A compressed variable whose inflated tag claims 2 GB.
        byte[] claim = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(14).putInt(2_000_000_000).array();
        Deflater z = new Deflater();
        z.setInput(claim);
        z.finish();
        byte[] out = new byte[64];
        int n = z.deflate(out);
        byte[] forged = Arrays.copyOf(file(), 128 + 8 + n);
        ByteBuffer.wrap(forged).order(ByteOrder.LITTLE_ENDIAN).putInt(128, 15).putInt(132, n);
        System.arraycopy(out, 0, forged, 136, n);
        assertThatThrownBy(() -> read(forged)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("t.mat").hasMessageContaining("compressed variable at byte 128")
                .hasMessageContaining("2000000008 bytes");
    }

    @Test
    void acceptsMatExtension() {
        assertThat(new MatReader().accepts(Path.of("a/b.MAT"))).isTrue();
        assertThat(new MatReader().accepts(Path.of("a/b.csv"))).isFalse();
    }
}
