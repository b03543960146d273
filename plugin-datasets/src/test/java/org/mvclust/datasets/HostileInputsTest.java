package org.mvclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.api.DatasetException;
import org.mvclust.api.MultiViewData;
import org.mvclust.api.Params;

/** Inputs that once gave a misleading error or a silently wrong dataset. */
class HostileInputsTest {
    @TempDir
    Path dir;

    private MultiViewData mat(String name, byte[] bytes, String... opts) throws Exception {
        Path f = Files.write(dir.resolve(name), bytes);
        Map<String, Object> p = new java.util.HashMap<>();
        for (int i = 0; i < opts.length; i += 2) {
            p.put(opts[i], opts[i + 1]);
        }
        return new MatReader().read(f, new Params(p));
    }

    private static byte[] twoViews(double[] first) {
        return MatFiles.file(MatFiles.cell("X", 1, 2, MatFiles.doubles("", 3, 2, first),
                MatFiles.doubles("", 3, 1, 1, 2, 3)), MatFiles.doubles("Y", 3, 1, 1, 2, 1));
    }

    @Test
    void valuesBeyondFloat32AreNamedAsOverflowNotNaN() {
        assertThatThrownBy(() -> mat("huge.mat", twoViews(new double[] {1, 2, 1e300, 4, 5, 6})))
                .isInstanceOf(DatasetException.class).hasMessageContaining("huge.mat")
                .hasMessageContaining("sample 3, feature 1").hasMessageContaining("beyond float32")
                .hasMessageNotContaining("NaN");
        // The advice for NaN does not apply, and imputation never zeroes the view.
        assertThatThrownBy(() -> mat("huge2.mat", twoViews(new double[] {1e300, 1e300, 1e300, 1e300, 1e300, 1e300}),
                "nan", "impute-mean")).hasMessageContaining("beyond float32");
    }

    @Test
    void underflowThatLeavesAViewConstantIsAnError() throws Exception {
        assertThatThrownBy(() -> mat("tiny.mat", twoViews(new double[] {1e-300, 2e-300, 3e-300, 4e-300, 5e-300, 6e-300})))
                .hasMessageContaining("below float32's range").hasMessageContaining("constant");
        MultiViewData d = mat("some.mat", twoViews(new double[] {1e-300, 2, 3, 4, 5, 6}));
        assertThat(d.views().get(0).data()[0]).isZero();
    }

    @Test
    void imputationRefusesAViewWithoutAnyFiniteValue() {
        double nan = Double.NaN;
        assertThatThrownBy(() -> mat("nan.mat", twoViews(new double[] {nan, nan, nan, nan, nan, nan}), "nan", "impute-mean"))
                .hasMessageContaining("view 1").hasMessageContaining("no finite value");
    }

    @Test
    void complexViewsAreRefused() {
        ByteBuffer re = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer im = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 6; i++) {
            re.putDouble(i);
            im.putDouble(1);
        }
        byte[] complex = MatFiles.matrix(6 | 0x800, 0, new int[] {3, 2}, "", MatFiles.element(9, re.array()),
                MatFiles.element(9, im.array()));
        byte[] file = MatFiles.file(MatFiles.cell("X", 1, 2, complex, MatFiles.doubles("", 3, 1, 1, 2, 3)),
                MatFiles.doubles("Y", 3, 1, 1, 2, 1));
        assertThatThrownBy(() -> mat("complex.mat", file)).hasMessageContaining("complex values");
    }

    @Test
    void matlabV4AndHeaderOnlyFilesSaySo() throws Exception {
        ByteBuffer v4 = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        v4.putInt(0).putInt(2).putInt(2).putInt(0).putInt(2).put((byte) 'X').put((byte) 0);
        assertThatThrownBy(() -> mat("v4.mat", v4.array())).hasMessageContaining("MATLAB v4");
        byte[] header = Arrays.copyOf(MatFiles.file(), 128);
        assertThatThrownBy(() -> mat("trunc.mat", header)).hasMessageContaining("holds no variables");
    }

    private Path csvDir(String name, String view1, String view2, String labels) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("view1.csv"), view1);
        Files.writeString(d.resolve("view2.csv"), view2);
        Files.writeString(d.resolve("labels.csv"), labels);
        return d;
    }

    @Test
    void pandasHeadersAreNotReadAsASample() throws Exception {
        Path d = csvDir("pandas", "0,1\n1,2\n3,4\n5,6\n", "0\n7\n8\n9\n", "0\n2\n1\n2\n");
        MultiViewData m = new CsvReader().read(d, new Params(Map.of()));
        assertThat(m.samples()).isEqualTo(3);
        assertThat(m.views().get(0).data()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(m.labels()).containsExactly(1, 0, 1);
        Path idx = csvDir("pandas_idx", ",0,1\n0,1,2\n1,3,4\n2,5,6\n", ",0\n0,7\n1,8\n2,9\n", ",0\n0,2\n1,1\n2,2\n");
        MultiViewData n = new CsvReader().read(idx, new Params(Map.of()));
        assertThat(n.views().get(0).data()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(n.views().get(1).data()).containsExactly(7, 8, 9);
        assertThat(n.labels()).containsExactly(1, 0, 1);
        // Said explicitly, the first line is data.
        assertThat(new CsvReader().read(d.resolve("view1.csv"), new Params(Map.of("header", "false"))).samples())
                .isEqualTo(4);
    }

    @Test
    void csvOverflowAndEncoding() throws Exception {
        Path huge = Files.writeString(dir.resolve("huge.csv"), "1,2\n3,1e300\n");
        assertThatThrownBy(() -> new CsvReader().read(huge, new Params(Map.of()))).hasMessageContaining("huge.csv")
                .hasMessageContaining("sample 2, feature 2").hasMessageContaining("beyond float32");
        Path latin = Files.write(dir.resolve("latin.csv"), "caf\u00e9,b\n1,2\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new CsvReader().read(latin, new Params(Map.of()))).hasMessageContaining("latin.csv")
                .hasMessageContaining("not UTF-8");
    }
}
