package org.mvclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mvclust.datasets.MatFiles.cell;
import static org.mvclust.datasets.MatFiles.doubles;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.checksum.ChecksumUtils;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;
import org.mvclust.api.DatasetException;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.api.Params;

/**
 * Mutates small valid inputs and requires every read to end in a dataset or a DatasetException naming the file: no
 * other exception, no hang, no out-of-memory (surefire runs with -Xmx2g). Iterations per format and the seed come from
 * -Dmvclust.fuzz.iterations and -Dmvclust.fuzz.seed; failing inputs are saved under target/fuzz-failures.
 */
class ReaderFuzzTest {
    private static final int ITERATIONS = Integer.getInteger("mvclust.fuzz.iterations", 2000);
    private static final long SEED = Long.getLong("mvclust.fuzz.seed", 1L);
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final int[] INTS = {0, 1, -1, 2, 4, 7, 8, 255, 0xFFFF, 0x10000, 1 << 20, Integer.MAX_VALUE,
        Integer.MIN_VALUE, Integer.MAX_VALUE - 7, 14, 15, 5, 6, 9};
    private static final String[] TOKENS = {",", "\"", "\n", "\r\n", ";", "\t", ":", "nan", "-inf", "1e999", "x", "",
        "\uFEFF", "-", ".", "0", "label", "v9:"};
    private static final List<Map<String, Object>> OPTIONS = List.of(Map.of(), Map.of("samples", "rows"),
            Map.of("nan", "impute-mean"), Map.of("views", "X", "labels", "Y"), Map.of("samples", "columns"));

    @TempDir(factory = InMemory.class)
    Path tmp;

    /** A directory in memory where there is one: rewriting a file costs milliseconds on some virtual disks. */
    static final class InMemory implements TempDirFactory {
        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
            Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "mvclust-fuzz")
                    : Files.createTempDirectory("mvclust-fuzz");
        }
    }

    private interface Read {
        MultiViewData read() throws DatasetException;
    }

    @Test
    void matV5() throws Exception {
        byte[] a = view("", 4, 2);
        byte[] b = MatFiles.int32("", 4, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        byte[] s = MatFiles.sparse("", 3, 4, new int[] {0, 2, 1}, new int[] {0, 1, 1, 2, 3}, new double[] {1, 2, 3});
        byte[] complex = MatFiles.matrix(MatFiles.DOUBLE | 0x800, 0, new int[] {4, 1}, "",
                MatFiles.element(9, new byte[32]), MatFiles.element(9, new byte[32]));
        byte[] logical = MatFiles.numeric("labels", new int[] {1, 4}, MatFiles.UINT8, 2, new byte[] {1, 0, 1, 1}, true);
        List<byte[][]> seeds = List.of(
                new byte[][] {cell("X", 1, 2, a, b), doubles("Y", 4, 1, 1, 2, 1, 2)},
                new byte[][] {cell("X", 2, 1, s, MatFiles.uint8("", 2, 4, 1, 2, 3, 4, 5, 6, 7, 8)),
                    cell("Y", 1, 1, doubles("", 1, 4, 0, 1, 1, 0)), MatFiles.chars("name", "fuzz")},
                new byte[][] {MatFiles.singles("X1", 4, 1, 1, 2, 3, 4), view("X2", 4, 3), doubles("gt", 4, 1, 3, 1, 2, 3)},
                new byte[][] {cell("data", 1, 2, complex, cell("", 1, 1, a)), logical});
        SplittableRandom r = new SplittableRandom(SEED);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[][] vars = seeds.get(r.nextInt(seeds.size())).clone();
            int k = r.nextInt(vars.length);
            vars[k] = mutate(vars[k], r, 0, 6);
            if (r.nextBoolean() && vars[k].length >= 8) {
                // Keep the variable's own size right, so that the edit reaches the parts inside it.
                ByteBuffer.wrap(vars[k]).order(ByteOrder.LITTLE_ENDIAN).putInt(4, vars[k].length - 8);
            }
            byte[] input = MatFiles.file(r.nextBoolean(), vars);
            if (r.nextInt(4) == 0) {
                input = mutate(input, r, 128, 6);
            }
            Map<String, Object> opts = OPTIONS.get(r.nextInt(OPTIONS.size()));
            byte[] in = input;
            check("mat5", i, input, "fuzz.mat", () -> readMat(in, opts));
        }
    }

    private static MultiViewData readMat(byte[] input, Map<String, Object> opts) throws DatasetException {
        return MatReader.read(input, "fuzz.mat", "fuzz", new Opts(new Params(opts), new MatReader().params(), "fuzz.mat"));
    }

    private static byte[] view(String name, int n, int d) {
        double[] v = new double[n * d];
        Arrays.setAll(v, k -> k * 0.5 - 1);
        return doubles(name, n, d, v);
    }

    @Test
    void matV73() throws Exception {
        Path p = tmp.resolve("seed.mat");
        try (WritableHdfFile h = HdfFile.write(p)) {
            h.putDataset("X1", new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}}).putAttribute("MATLAB_class", "double");
            h.putDataset("X2", new float[][] {{9, 10, 11, 12}}).putAttribute("MATLAB_class", "single");
            h.putDataset("Y", new double[][] {{1, 2, 1, 2}}).putAttribute("MATLAB_class", "double");
        }
        byte[] written = Files.readAllBytes(p);
        byte[] matlab = Files.readAllBytes(MatReaderTest.V73_FIXTURE);
        SplittableRandom r = new SplittableRandom(SEED + 1);
        for (int i = 0; i < ITERATIONS; i++) {
            // HDF5 locates everything by address: mostly edit in place so that the structure stays reachable.
            int kinds = r.nextInt(4) == 0 ? 6 : 3;
            byte[] input;
            if (r.nextBoolean()) {
                input = mutate(matlab, r, 520, kinds);
            } else {
                input = mutate(written, r, 8, kinds);
                if (r.nextInt(4) > 0) {
                    fixChecksums(input);
                }
            }
            Map<String, Object> opts = OPTIONS.get(r.nextInt(OPTIONS.size()));
            check("mat73", i, input, "fuzz.mat", () -> readMat(input, opts));
        }
    }

    /**
     * Recomputes the checksums of the superblock (version 2 or 3) and of every version 2 object header, so that
     * mutations reach the structures behind them instead of stopping at a checksum mismatch.
     */
    static void fixChecksums(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (b.length >= 48 && (b[8] == 2 || b[8] == 3)) {
            buf.putInt(44, ChecksumUtils.checksum(Arrays.copyOf(b, 44)));
        }
        for (int p = 0; p + 10 <= b.length; p++) {
            if (b[p] != 'O' || b[p + 1] != 'H' || b[p + 2] != 'D' || b[p + 3] != 'R' || b[p + 4] != 2) {
                continue;
            }
            int flags = b[p + 5];
            int head = 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
            int width = 1 << (flags & 3);
            if (p + head + width > b.length) {
                continue;
            }
            long chunk = 0;
            for (int k = width - 1; k >= 0; k--) {
                chunk = chunk << 8 | (b[p + head + k] & 0xFF);
            }
            long end = p + head + width + chunk;
            if (chunk >= 0 && end + 4 <= b.length) {
                buf.putInt((int) end, ChecksumUtils.checksum(Arrays.copyOfRange(b, p, (int) end)));
            }
        }
    }

    @Test
    void csv() throws Exception {
        byte[] single = ("a:x,a:y,label,b:z\n1,2,cat,3\n4.5,-6,dog,7e-3\n\"8\",9,cat,10\n").getBytes(StandardCharsets.UTF_8);
        byte[] view1 = "f1,f2\n1,2\n3,4\n5,6\n".getBytes(StandardCharsets.UTF_8);
        byte[] view2 = "0.5\n1.5\nnan\n".getBytes(StandardCharsets.UTF_8);
        byte[] labels = "label\n1\n2\n1\n".getBytes(StandardCharsets.UTF_8);
        SplittableRandom r = new SplittableRandom(SEED + 2);
        for (int i = 0; i < ITERATIONS; i++) {
            Map<String, Object> opts = new HashMap<>(r.nextBoolean() ? Map.of() : Map.of("nan", "impute-mean"));
            if (r.nextInt(4) == 0) {
                opts.put("header", r.nextBoolean() ? "true" : "false");
            }
            Path source;
            Path mutated;
            if (r.nextBoolean()) {
                source = Files.write(tmp.resolve("one.csv"), mutate(single, r, 0, 7));
                mutated = source;
            } else {
                source = Files.createDirectories(tmp.resolve("views"));
                int k = r.nextInt(3);
                Files.write(source.resolve("view1.csv"), k == 0 ? mutate(view1, r, 0, 7) : view1);
                Files.write(source.resolve("view2.csv"), k == 1 ? mutate(view2, r, 0, 7) : view2);
                Files.write(source.resolve("labels.csv"), k == 2 ? mutate(labels, r, 0, 7) : labels);
                mutated = source.resolve(List.of("view1.csv", "view2.csv", "labels.csv").get(k));
            }
            check("csv-" + mutated.getFileName(), i, Files.readAllBytes(mutated), source.toString(),
                    () -> new CsvReader().read(source, new Params(opts)));
        }
    }

    private static void check(String kind, int i, byte[] input, String file, Read read) throws IOException {
        try {
            MultiViewData d = assertTimeoutPreemptively(LIMIT, () -> {
                try {
                    return read.read();
                } catch (DatasetException e) {
                    assertThat(e.getMessage()).as("message names the file").contains(file);
                    return null;
                }
            });
            if (d != null) {
                valid(d);
            }
        } catch (Throwable t) {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
            Path saved = Files.write(dir.resolve(kind + "-seed" + SEED + "-" + i + ".bin"), input);
            throw new AssertionError(kind + " input " + i + " (seed " + SEED + ", saved to " + saved + "): " + t, t);
        }
    }

    private static void valid(MultiViewData d) {
        for (Matrix m : d.views()) {
            assertThat(m.rows()).isEqualTo(d.samples()).isPositive();
            assertThat(m.cols()).isPositive();
            for (float x : m.data()) {
                assertThat(Float.isFinite(x)).isTrue();
            }
        }
        if (d.hasLabels()) {
            assertThat(d.labels()).hasSize(d.samples());
        }
    }

    /**
     * One to four random edits (sometimes up to 16) after a protected prefix {@code from} (e.g. the MAT header), of the
     * first {@code kinds} kinds: 3 edits bytes in place, 6 also cuts, deletes and repeats ranges, 7 also inserts text.
     */
    static byte[] mutate(byte[] seed, SplittableRandom r, int from, int kinds) {
        byte[] b = seed.clone();
        int edits = 1 + r.nextInt(r.nextInt(8) == 0 ? 16 : 4);
        for (int e = 0; e < edits && b.length > from + 1; e++) {
            int at = from + r.nextInt(b.length - from);
            switch (r.nextInt(kinds)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = (byte) r.nextInt(256);
                case 2 -> {
                    int width = r.nextBoolean() ? 4 : 8;
                    int pos = Math.min(r.nextBoolean() ? at & ~3 : at, b.length - width);
                    long v = INTS[r.nextInt(INTS.length)];
                    for (int k = 0; k < width && pos >= 0; k++) {
                        b[pos + k] = (byte) (v >>> (8 * k));
                    }
                }
                case 3 -> b = Arrays.copyOf(b, at);
                case 4 -> {
                    int len = 1 + r.nextInt(Math.min(64, b.length - at));
                    byte[] out = new byte[b.length - len];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, at + len, out, at, b.length - at - len);
                    b = out;
                }
                case 5 -> {
                    int src = r.nextInt(b.length);
                    int len = 1 + r.nextInt(Math.min(64, b.length - src));
                    b = insert(b, at, Arrays.copyOfRange(b, src, src + len));
                }
                default -> b = insert(b, at, TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] piece) {
        byte[] out = new byte[b.length + piece.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(b, at, out, at + piece.length, b.length - at);
        return out;
    }

    @Test
    void mutationsDiffer() {
        SplittableRandom r = new SplittableRandom(3);
        byte[] seed = new byte[64];
        List<byte[]> seen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            seen.add(mutate(seed, r, 0, 6));
        }
        assertThat(seen.stream().filter(m -> !Arrays.equals(m, seed)).count()).isGreaterThan(15);
        assertThat(seed).containsOnly(0);
    }
}
