package org.mvclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mvclust.api.DatasetException;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;

class BenchmarkCatalogTest {
    private static final BenchmarkCatalog CATALOG = new BenchmarkCatalog();

    @TempDir
    Path tmp;

    /** The shared benchmark directory, or a skipped test saying why it is absent. */
    private static Path datasets() {
        String dir = System.getProperty("mvclust.datasets.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)),
                "benchmark files absent: set -Dmvclust.datasets.dir to the shared/datasets directory (was " + dir + ")");
        return Path.of(dir);
    }

    static Stream<String> names() {
        return CATALOG.names().stream();
    }

    @Test
    void resourceIsTheSharedManifest() throws IOException {
        Path manifest = datasets().resolve("MANIFEST.csv");
        try (var in = BenchmarkCatalog.class.getResourceAsStream("benchmarks.csv")) {
            assertThat(new String(in.readAllBytes())).isEqualTo(Files.readString(manifest));
        }
    }

    @Test
    void namesAndDescriptions() {
        assertThat(CATALOG.names()).contains("hw", "bbc", "pie", "bbcsport", "hw-v73", "bdgp-incomplete", "cub", "mnist", "mnist-usps", "hdigit").hasSize(17);
        assertThat(CATALOG.describe("hw")).isEqualTo(
                "hw: 2000 samples, 6 views (240/76/216/47/64/6), 10 classes; handwritten.mat (mat-v5)");
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyBenchmarkLoadsAsTheManifestSays(String name) throws DatasetException {
        Path dir = datasets();
        BenchmarkCatalog.Entry e = CATALOG.entry(name);
        Map<String, String> options = name.equals("bdgp-incomplete") ? Map.of("nan", "impute-mean") : Map.of();
        MultiViewData d = CATALOG.load(name, List.of(tmp, dir), options);
        assertThat(d.samples()).isEqualTo(e.samples());
        assertThat(d.views().stream().mapToInt(Matrix::cols).toArray()).containsExactly(e.dims());
        assertThat(d.classes()).isEqualTo(e.classes());
        assertThat(d.labels()).hasSize(e.samples());
        assertThat(Arrays.stream(d.labels()).max().orElseThrow()).isEqualTo(e.classes() - 1);
    }

    @Test
    void hwAndItsV73CopyHoldTheSameViews() throws DatasetException {
        Path dir = datasets();
        MultiViewData v5 = CATALOG.load("hw", List.of(dir), Map.of());
        MultiViewData v73 = CATALOG.load("hw-v73", List.of(dir), Map.of());
        assertThat(v73.labels()).isEqualTo(v5.labels());
        // hw orders the views 240/76/216/47/64/6, hw-v73 216/76/64/6/240/47.
        assertThat(v73.views().get(1).data()).isEqualTo(v5.views().get(1).data());
        assertThat(v73.views().get(4).data()).isEqualTo(v5.views().get(0).data());
    }

    @Test
    void incompleteViewsFailClearlyByDefault() {
        Path dir = datasets();
        assertThatThrownBy(() -> CATALOG.load("bdgp-incomplete", List.of(dir), Map.of()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("BDGP_fea_Per0.mat")
                .hasMessageContaining("view 1 ('data{1}')").hasMessageMatching("(?s).*has \\d+ non-finite values.*")
                .hasMessageContaining("nan=impute-mean");
    }

    @Test
    void missingFileListsTheDirectoriesLookedIn() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThatThrownBy(() -> CATALOG.load("pie", List.of(a, b), Map.of())).isInstanceOf(DatasetException.class)
                .hasMessageContaining("PIE_face_10.mat not found in " + a + ", " + b).hasMessageContaining("--data-dir");
    }

    @Test
    void checksumMismatchNamesFileAndBothSums() throws IOException {
        Path f = Files.write(tmp.resolve("webkb.mat"), MatFiles.file(MatFiles.doubles("Y", 1, 1, 1)));
        String actual = BenchmarkCatalog.sha256(Files.readAllBytes(f));
        assertThatThrownBy(() -> CATALOG.load("webkb", List.of(tmp), Map.of())).isInstanceOf(DatasetException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("SHA-256 mismatch")
                .hasMessageContaining("expected " + CATALOG.entry("webkb").sha256()).hasMessageContaining("got " + actual);
    }

    @Test
    void optionsOverrideTheManifestLayout() throws DatasetException {
        Path dir = datasets();
        MultiViewData d = CATALOG.load("uci-digit", List.of(dir), Map.of("views", "X"));
        assertThat(d.viewCount()).isEqualTo(3);
        assertThatThrownBy(() -> CATALOG.load("uci-digit", List.of(dir), Map.of("colour", "red")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("unknown option 'colour'");
        assertThatThrownBy(() -> CATALOG.load("webkb", List.of(dir), Map.of("labels", "Z")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("webkb.mat").hasMessageContaining("'Z'");
    }

    @Test
    void idxDirectoryChecksEveryListedFile() throws IOException {
        Path dir = datasets();
        Path m = Files.createDirectories(tmp.resolve("mnist"));
        Files.copy(dir.resolve("mnist/SHA256SUMS"), m.resolve("SHA256SUMS"));
        for (String f : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            Files.copy(dir.resolve("mnist").resolve(f), m.resolve(f));
        }
        Files.write(m.resolve("t10k-images-idx3-ubyte.gz"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> CATALOG.load("mnist", List.of(tmp), Map.of())).isInstanceOf(DatasetException.class)
                .hasMessageContaining(m.resolve("t10k-images-idx3-ubyte.gz").toString())
                .hasMessageContaining("SHA-256 mismatch (SHA256SUMS line 1)");
    }

    @Test
    void unknownName() {
        assertThatThrownBy(() -> CATALOG.load("fashion-mnist", List.of(tmp), Map.of())).isInstanceOf(DatasetException.class)
                .hasMessageContaining("'fashion-mnist' is not a known benchmark");
    }
}
