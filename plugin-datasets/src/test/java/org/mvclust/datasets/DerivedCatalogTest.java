package org.mvclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.api.DatasetException;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;

class DerivedCatalogTest {
    private static final DerivedCatalog CATALOG = new DerivedCatalog();

    @TempDir
    Path cache;

    @BeforeEach
    void useTempCache() {
        System.setProperty("mvclust.cache.dir", cache.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("mvclust.cache.dir");
    }

    private static List<Path> dirs() {
        String dir = System.getProperty("mvclust.datasets.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "mnist")),
                "mnist absent: set -Dmvclust.datasets.dir to the shared/datasets directory (was " + dir + ")");
        return List.of(Path.of(dir));
    }

    private static String digest(MultiViewData d) {
        StringBuilder s = new StringBuilder();
        for (Matrix m : d.views()) {
            s.append(java.util.Arrays.hashCode(m.data())).append('/');
        }
        return s.append(java.util.Arrays.hashCode(d.labels())).toString();
    }

    @Test
    void everyDerivedSetHasItsDocumentedShape() throws DatasetException {
        MultiViewData mnist = new BenchmarkCatalog().load("mnist", dirs(), Map.of());
        MultiViewData edge = DerivedCatalog.build("edge-mnist", mnist, Map.of());
        assertThat(edge.samples()).isEqualTo(70000);
        assertThat(edge.views()).extracting(Matrix::cols).containsExactly(784, 784);
        assertThat(edge.classes()).isEqualTo(10);
        edge = null;
        MultiViewData noisy = DerivedCatalog.build("noisy-mnist", mnist, Map.of("seed", "7", "sd", "0.2"));
        assertThat(noisy.views()).extracting(Matrix::cols).containsExactly(784, 784);
        noisy = null;
        MultiViewData e = DerivedCatalog.build("e-mnist", mnist, Map.of());
        assertThat(e.samples()).isEqualTo(60000);
        assertThat(e.views().get(1).data()).contains(-1f).doesNotContain(-1.5f);
        e = null;
        MultiViewData p = DerivedCatalog.build("patched-mnist", mnist, Map.of());
        assertThat(p.samples()).isEqualTo(21770);
        assertThat(p.viewCount()).isEqualTo(12);
        assertThat(p.classes()).isEqualTo(3);
    }

    /** 60 random 28×28 "digits" of 10 classes standing in for MNIST. */
    private static MultiViewData small() {
        java.util.Random r = new java.util.Random(1);
        float[] x = new float[60 * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(256);
        }
        return new MultiViewData("mnist", List.of("images"), List.of(new Matrix(60, 784, x)),
                java.util.stream.IntStream.range(0, 60).map(i -> i % 10).toArray());
    }

    @Test
    void sameSeedSameDataAndACorruptCacheIsRebuilt() throws Exception {
        Map<String, String> opts = Map.of("seed", "7", "sd", "0.2");
        MultiViewData built = DerivedCatalog.build("noisy-mnist", small(), opts);
        String a = digest(built);
        assertThat(digest(DerivedCatalog.build("noisy-mnist", small(), opts))).isEqualTo(a);
        assertThat(digest(DerivedCatalog.build("noisy-mnist", small(), Map.of("seed", "8", "sd", "0.2")))).isNotEqualTo(a);
        assertThat(DerivedCache.read("noisy-mnist", "k")).isNull();
        DerivedCache.write(built, "k");
        assertThat(digest(DerivedCache.read("noisy-mnist", "k"))).isEqualTo(a);
        Path file = DerivedCache.file("noisy-mnist", "k");
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), Files.size(file) / 2);
        }
        assertThat(DerivedCache.read("noisy-mnist", "k")).isNull();
        assertThat(file).doesNotExist();
        DerivedCache.write(built, "k");
        assertThat(digest(DerivedCache.read("noisy-mnist", "k"))).isEqualTo(a);
    }

    @Test
    void unknownOptionsAreNamed() {
        assertThatThrownBy(() -> CATALOG.load("edge-mnist", List.of(cache), Map.of("noise", "1")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("unknown option 'noise' (known: cache)");
    }
}
