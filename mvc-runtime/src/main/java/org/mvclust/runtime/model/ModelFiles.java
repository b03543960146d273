package org.mvclust.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.Yaml;

/**
 * A model directory as written by {@link ModelWriter}: {@code manifest.json} (format, version, views, readout, the
 * variables' names and shapes, and the SHA-256 of every other file), {@code graph.yaml}, {@code preprocess.json},
 * {@code variables.bin} and, for a k-means readout, {@code centroids.bin} (raw little-endian float32, row-major).
 * Our own small format rather than TensorFlow's checkpoint: TF Java 1.1.0 has no public reader for checkpoints, and
 * raw floats plus a JSON manifest can be read (and checked) from any language. Opening checks everything before use.
 */
public final class ModelFiles {
    public static final String FORMAT = "mvclust-model";
    public static final int VERSION = 1;

    /** One stored variable: its name in the graph and its shape. */
    public record Var(String name, long[] shape) {
        public int size() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return Math.toIntExact(n);
        }
    }

    /** One view the model was trained on: its name and column count. */
    public record View(String name, int width) {
    }

    /** A fitted per-view preprocessing step. */
    public record Scaling(String method, float[] shift, float[] scale) {
    }

    private final Path dir;
    private final JsonNode manifest;
    private final List<View> views = new ArrayList<>();
    private final List<Var> vars = new ArrayList<>();
    private final List<Scaling> scalings = new ArrayList<>();

    private ModelFiles(Path dir, JsonNode manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /** Opens and checks a model directory: format, version and every file's checksum and size. */
    public static ModelFiles open(Path dir) {
        Path mf = dir.resolve("manifest.json");
        if (!Files.isRegularFile(mf)) {
            throw new ConfigException("--model " + dir + ": not a model directory (no manifest.json; a run writes its model to OUT/model)");
        }
        JsonNode m;
        try {
            m = Yaml.JSON.readTree(mf.toFile());
        } catch (IOException e) {
            throw new ConfigException(mf + ": not valid JSON: " + e.getMessage(), e);
        }
        if (m == null || !FORMAT.equals(m.path("format").asText())) {
            throw new ConfigException(mf + ": not an mvclust model manifest (format is not '" + FORMAT + "')");
        }
        int version = m.path("version").asInt(-1);
        if (version != VERSION) {
            throw new ConfigException(mf + ": model format version " + version + "; this mvclust reads version " + VERSION);
        }
        ModelFiles f = new ModelFiles(dir, m);
        f.verify();
        f.parse();
        return f;
    }

    private void verify() {
        JsonNode files = manifest.path("files");
        if (!files.isObject() || !files.has("graph.yaml") || !files.has("variables.bin") || !files.has("preprocess.json")) {
            throw new ConfigException(dir.resolve("manifest.json") + ": lists no checksums for graph.yaml, variables.bin and preprocess.json");
        }
        files.fields().forEachRemaining(e -> {
            Path p = dir.resolve(e.getKey());
            if (!p.normalize().startsWith(dir.normalize()) || e.getKey().contains("/")) {
                throw new ConfigException(dir.resolve("manifest.json") + ": file name '" + e.getKey() + "' is not a plain name");
            }
            String have;
            try {
                have = sha256(p);
            } catch (NoSuchFileException x) {
                throw new ConfigException("model file " + p + " is missing");
            } catch (IOException x) {
                throw new ConfigException("model file " + p + ": cannot read: " + x.getMessage(), x);
            }
            if (!have.equals(e.getValue().asText())) {
                throw new ConfigException("model file " + p + " does not match its checksum in manifest.json (SHA-256 " + have
                        + ", expected " + e.getValue().asText() + "): it was changed or damaged after the run wrote it");
            }
        });
    }

    private void parse() {
        Path mf = dir.resolve("manifest.json");
        manifest.path("views").forEach(v -> views.add(new View(v.path("name").asText(), v.path("width").asInt())));
        long total = 0;
        for (JsonNode v : manifest.path("variables")) {
            long[] shape = new long[v.path("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = v.path("shape").get(i).asLong();
            }
            Var var = new Var(v.path("name").asText(), shape);
            vars.add(var);
            total += var.size();
        }
        long bytes = dir.resolve("variables.bin").toFile().length();
        if (bytes != total * 4) {
            throw new ConfigException(dir.resolve("variables.bin") + ": " + bytes + " bytes but the manifest's variables need " + total * 4);
        }
        try {
            for (JsonNode s : Yaml.JSON.readTree(dir.resolve("preprocess.json").toFile())) {
                scalings.add(new Scaling(s.path("method").asText(), floats(s.path("shift")), floats(s.path("scale"))));
            }
        } catch (IOException e) {
            throw new ConfigException(dir.resolve("preprocess.json") + ": " + e.getMessage(), e);
        }
        if (views.isEmpty() || scalings.size() != views.size() || clusters() < 2) {
            throw new ConfigException(mf + ": " + views.size() + " views, " + scalings.size()
                    + " preprocessing rows and " + clusters() + " clusters do not describe a model");
        }
        if (readoutType().equals("kmeans") && !Files.isRegularFile(dir.resolve("centroids.bin"))) {
            throw new ConfigException(mf + ": a k-means readout needs centroids.bin, which the manifest does not list");
        }
    }

    private static float[] floats(JsonNode a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) a.get(i).asDouble();
        }
        return out;
    }

    public Path dir() {
        return dir;
    }

    public Path graphFile() {
        return dir.resolve("graph.yaml");
    }

    public List<View> views() {
        return views;
    }

    public List<Var> variables() {
        return vars;
    }

    public List<Scaling> scalings() {
        return scalings;
    }

    public int clusters() {
        return manifest.path("clusters").asInt();
    }

    /** The number of samples the model was trained on. */
    public int samples() {
        return manifest.path("samples").asInt();
    }

    public long seed() {
        return manifest.path("seed").asLong();
    }

    public String method() {
        return manifest.path("method").asText();
    }

    public String readoutType() {
        return manifest.path("readout").path("type").asText();
    }

    /** The width of the readout's input (the k-means features). */
    public int readoutFeatures() {
        return manifest.path("readout").path("features").asInt();
    }

    /** The stored k-means centroids, clusters × features, row-major. */
    public float[] centroids() {
        float[] flat = new float[clusters() * readoutFeatures()];
        try (InputStream in = Files.newInputStream(dir.resolve("centroids.bin"))) {
            read(new DataInputStream(new BufferedInputStream(in)), flat);
        } catch (IOException e) {
            throw new ConfigException(dir.resolve("centroids.bin") + ": " + e.getMessage(), e);
        }
        return flat;
    }

    /** Streams the variables in manifest order. */
    public void forEachVariable(VarConsumer consumer) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve("variables.bin")), 1 << 16))) {
            for (Var v : vars) {
                float[] x = new float[v.size()];
                read(in, x);
                consumer.accept(v, x);
            }
        } catch (IOException e) {
            throw new ConfigException(dir.resolve("variables.bin") + ": " + e.getMessage(), e);
        }
    }

    /** Receives one variable's values. */
    public interface VarConsumer {
        void accept(Var v, float[] values);
    }

    static void read(DataInputStream in, float[] out) throws IOException {
        byte[] b = new byte[4 * 4096];
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < out.length; from += 4096) {
            int n = Math.min(4096, out.length - from);
            in.readFully(b, 0, 4 * n);
            buf.clear();
            buf.asFloatBuffer().get(out, from, n);
        }
    }

    static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] b = new byte[1 << 16];
            for (int n; (n = in.read(b)) > 0; ) {
                d.update(b, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The manifest as a map (for printing). */
    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("method", method());
        s.put("clusters", clusters());
        s.put("views", views.stream().map(v -> v.name() + ":" + v.width()).toList());
        s.put("readout", readoutType());
        return s;
    }
}
