package org.mvclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.api.DatasetException;
import org.mvclust.api.MultiViewData;
import org.mvclust.api.Params;

class IdxReaderTest {
    @TempDir
    Path tmp;

    /** An IDX file of unsigned bytes with the given sizes. */
    static byte[] idx(int[] dims, byte[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + values.length);
        b.put((byte) 0).put((byte) 0).put((byte) 8).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.put(values).array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(raw);
        }
        return out.toByteArray();
    }

    private static byte[] seq(int n, int start) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (start + i);
        }
        return b;
    }

    private Path mnistLike() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("m"));
        // 3 training images of 2×2 (gzipped), 2 test images (plain); labels 0-based as in MNIST.
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idx(new int[] {3, 2, 2}, seq(12, 0))));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(idx(new int[] {3}, new byte[] {2, 0, 1})));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), idx(new int[] {2, 2, 2}, seq(8, 200)));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(new int[] {2}, new byte[] {1, 1}));
        return dir;
    }

    @Test
    void directoryReadsTrainingThenTestImagesWithLabels() throws Exception {
        Path dir = mnistLike();
        IdxReader r = new IdxReader();
        assertThat(r.accepts(dir)).isTrue();
        MultiViewData d = r.read(dir, new Params(Map.of()));
        assertThat(d.samples()).isEqualTo(5);
        assertThat(d.viewCount()).isEqualTo(1);
        assertThat(d.views().get(0).cols()).isEqualTo(4);
        assertThat(d.labels()).containsExactly(2, 0, 1, 1, 1);
        float[] x = d.views().get(0).data();
        assertThat(Arrays.copyOfRange(x, 0, 4)).containsExactly(0f, 1f, 2f, 3f);
        // Unsigned: byte 200 reads as 200, not -56.
        assertThat(x[12]).isEqualTo(200f);
        assertThat(r.read(dir, new Params(Map.of("split", "test"))).samples()).isEqualTo(2);
        assertThat(r.read(dir, new Params(Map.of("split", "train"))).labels()).containsExactly(2, 0, 1);
    }

    @Test
    void singleImageFileFindsItsLabels() throws Exception {
        Path dir = mnistLike();
        MultiViewData d = new IdxReader().read(dir.resolve("t10k-images-idx3-ubyte"), new Params(Map.of()));
        assertThat(d.samples()).isEqualTo(2);
        assertThat(d.hasLabels()).isTrue();
    }

    @Test
    void badFilesNameTheFileAndTheProblem() throws Exception {
        Path trunc = Files.write(tmp.resolve("a-images-idx3-ubyte"), Arrays.copyOf(idx(new int[] {3, 2, 2}, seq(12, 0)), 20));
        assertThatThrownBy(() -> new IdxReader().read(trunc, new Params(Map.of()))).isInstanceOf(DatasetException.class)
                .hasMessageContaining(trunc.toString()).hasMessageContaining("declares 12 values");
        Path magic = Files.write(tmp.resolve("b-images-idx3-ubyte"), new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> new IdxReader().read(magic, new Params(Map.of())))
                .hasMessageContaining("not an IDX file");
        Path type = Files.write(tmp.resolve("c-images-idx3-ubyte"), new byte[] {0, 0, 0x42, 1, 0, 0, 0, 0});
        assertThatThrownBy(() -> new IdxReader().read(type, new Params(Map.of())))
                .hasMessageContaining("unknown IDX value type 0x42");
        Path gz = Files.write(tmp.resolve("d-images-idx3-ubyte.gz"), Arrays.copyOf(gzip(idx(new int[] {1, 2}, seq(2, 0))), 12));
        assertThatThrownBy(() -> new IdxReader().read(gz, new Params(Map.of()))).hasMessageContaining("gzip");
        Path dir = mnistLike();
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(new int[] {3}, new byte[] {1, 1, 1}));
        assertThatThrownBy(() -> new IdxReader().read(dir, new Params(Map.of())))
                .hasMessageContaining("t10k-labels-idx1-ubyte").hasMessageContaining("3 labels for the 2 images");
        assertThatThrownBy(() -> new IdxReader().read(dir, new Params(Map.of("split", "valid"))))
                .hasMessageContaining("split=valid is not one of all|train|test");
    }
}
