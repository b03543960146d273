package org.mvclust.datasets;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;

/**
 * On-disk cache of derived datasets: {@code NAME-KEYHASH.bin} (views, names, labels) beside {@code .sha256}, in
 * {@code -Dmvclust.cache.dir}, {@code $MVCLUST_CACHE} or {@code ~/.cache/mvclust}. A file whose checksum does not match is reported and rebuilt;
 * a cache that cannot be written only costs the rebuild next time.
 */
final class DerivedCache {
    private static final int MAGIC = 0x4d564344; // "MVCD"

    private DerivedCache() {
    }

    static Path dir() {
        String prop = System.getProperty("mvclust.cache.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("MVCLUST_CACHE");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "mvclust");
    }

    static Path file(String name, String key) {
        String h = BenchmarkCatalog.sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        return dir().resolve(name + "-" + h + ".bin");
    }

    /** The cached dataset, or null when absent or damaged (then it is deleted, to be rebuilt). */
    static MultiViewData read(String name, String key) {
        Path f = file(name, key);
        Path sum = f.resolveSibling(f.getFileName() + ".sha256");
        if (!Files.isRegularFile(f) || !Files.isRegularFile(sum)) {
            return null;
        }
        try {
            MessageDigest md = sha256();
            MultiViewData d;
            try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16), md)) {
                d = decode(name, new DataInputStream(in));
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (!HexFormat.of().formatHex(md.digest()).equals(Files.readString(sum).strip())) {
                System.err.println("mvclust: cached " + f + " does not match its checksum; rebuilding it");
                Files.deleteIfExists(f);
                return null;
            }
            return d;
        } catch (IOException | RuntimeException e) {
            System.err.println("mvclust: cannot read cached " + f + " (" + e.getMessage() + "); rebuilding it");
            return null;
        }
    }

    static void write(MultiViewData d, String key) {
        Path f = file(d.name(), key);
        Path sum = f.resolveSibling(f.getFileName() + ".sha256");
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), f.getFileName().toString(), ".tmp");
            MessageDigest md = sha256();
            try (DataOutputStream out = new DataOutputStream(new DigestOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), md))) {
                out.writeInt(MAGIC);
                out.writeInt(d.viewCount());
                out.writeInt(d.samples());
                for (int v = 0; v < d.viewCount(); v++) {
                    out.writeUTF(d.viewNames().get(v));
                    Matrix m = d.views().get(v);
                    out.writeInt(m.cols());
                    for (float x : m.data()) {
                        out.writeFloat(x);
                    }
                }
                for (int y : d.labels()) {
                    out.writeInt(y);
                }
            }
            Path sumTmp = Files.writeString(sum.resolveSibling(sum.getFileName() + ".tmp"), HexFormat.of().formatHex(md.digest()));
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(sumTmp, sum, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            System.err.println("mvclust: cannot cache " + d.name() + " in " + f.getParent() + " (" + e.getMessage()
                    + "); it will be rebuilt next time");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    private static MultiViewData decode(String name, DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a derived-dataset cache file");
        }
        int views = in.readInt();
        int n = in.readInt();
        List<String> names = new ArrayList<>();
        List<Matrix> mats = new ArrayList<>();
        for (int v = 0; v < views; v++) {
            names.add(in.readUTF());
            int cols = in.readInt();
            float[] a = new float[Math.multiplyExact(n, cols)];
            for (int i = 0; i < a.length; i++) {
                a[i] = in.readFloat();
            }
            mats.add(new Matrix(n, cols, a));
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = in.readInt();
        }
        return new MultiViewData(name, names, mats, labels);
    }
}
