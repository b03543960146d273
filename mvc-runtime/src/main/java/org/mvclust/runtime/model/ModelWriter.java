package org.mvclust.runtime.model;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvclust.api.Matrix;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.Yaml;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.StateVar;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * Writes a run's model directory (see {@link ModelFiles}) from its session at the end of training: every variable but
 * the optimizer slots and the per-sample buffers, streamed; for a k-means readout, the centroids of the final labels
 * (the means of the readout's input per cluster, which are the converged k-means centres).
 */
public final class ModelWriter {
    /** What the run knows about its data: view names and widths, the preprocessing rows, the dataset's name. */
    public record Source(String dataset, int samples, List<String> viewNames, List<Integer> widths,
                         List<Map<String, Object>> preprocess) {
    }

    private ModelWriter() {
    }

    /** Writes {@code dir} (replacing it) through a sibling temporary directory, so a failure leaves no half model. */
    public static void write(Path dir, Session session, Model model, GraphSpec spec, String graphYaml, Source src,
                             int clusters, long seed, Matrix readoutInput, int[] labels) {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".partial");
        try {
            delete(tmp);
            Files.createDirectories(tmp);
            Map<String, String> files = new LinkedHashMap<>();
            write(tmp, "graph.yaml", graphYaml.getBytes(StandardCharsets.UTF_8), files);
            write(tmp, "preprocess.json", Yaml.toJson(src.preprocess()).getBytes(StandardCharsets.UTF_8), files);
            List<Map<String, Object>> vars = variables(tmp.resolve("variables.bin"), session, model);
            files.put("variables.bin", ModelFiles.sha256(tmp.resolve("variables.bin")));
            Map<String, Object> readout = new LinkedHashMap<>();
            readout.put("type", spec.readout().type());
            readout.put("in", spec.readout().in());
            readout.put("features", readoutInput.cols());
            if (spec.readout().type().equals("kmeans")) {
                float[] c = centroids(readoutInput, labels, clusters);
                write(tmp, "centroids.bin", bytes(c), files);
                readout.put("train_agreement", Nearest.agreement(readoutInput, c, clusters, labels));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("format", ModelFiles.FORMAT);
            m.put("version", ModelFiles.VERSION);
            m.put("method", spec.name());
            m.put("source", spec.source());
            m.put("dataset", src.dataset());
            m.put("samples", src.samples());
            m.put("clusters", clusters);
            m.put("seed", seed);
            List<Map<String, Object>> views = new ArrayList<>();
            for (int v = 0; v < src.viewNames().size(); v++) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("name", src.viewNames().get(v));
                view.put("width", src.widths().get(v));
                views.add(view);
            }
            m.put("views", views);
            m.put("readout", readout);
            m.put("variables", vars);
            m.put("files", files);
            Files.writeString(tmp.resolve("manifest.json"), Yaml.toJson(m));
            delete(dir);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Streams the kept variables into {@code file}, 32 at a time; returns their names and shapes in order. */
    private static List<Map<String, Object>> variables(Path file, Session session, Model model) throws IOException {
        List<StateVar> kept = model.state().stream().filter(ModelWriter::kept).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int from = 0; from < kept.size(); from += 32) {
                List<StateVar> part = kept.subList(from, Math.min(kept.size(), from + 32));
                Session.Runner r = session.runner();
                part.forEach(v -> r.fetch(v.variable()));
                try (Result res = r.run()) {
                    for (int i = 0; i < part.size(); i++) {
                        TFloat32 t = (TFloat32) res.get(i);
                        float[] x = new float[Math.toIntExact(t.size())];
                        t.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(x, false, false));
                        os.write(bytes(x));
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("name", part.get(i).name());
                        row.put("shape", part.get(i).shape());
                        out.add(row);
                    }
                }
            }
        }
        return out;
    }

    /** Optimizer slots and buffers are training state, not the model. */
    static boolean kept(StateVar v) {
        return !v.name().startsWith("opt.") && !v.name().startsWith("buffer.");
    }

    static float[] centroids(Matrix x, int[] labels, int k) {
        int d = x.cols();
        float[] sum = new float[k * d];
        int[] count = new int[k];
        for (int i = 0; i < x.rows(); i++) {
            count[labels[i]]++;
            for (int j = 0; j < d; j++) {
                sum[labels[i] * d + j] += x.get(i, j);
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                sum[c * d + j] = count[c] > 0 ? sum[c * d + j] / count[c] : Float.NaN; // an empty cluster is never nearest
            }
        }
        return sum;
    }

    static byte[] bytes(float[] x) {
        ByteBuffer b = ByteBuffer.allocate(4 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(x);
        return b.array();
    }

    private static void write(Path dir, String name, byte[] content, Map<String, String> files) throws IOException {
        Files.write(dir.resolve(name), content);
        files.put(name, ModelFiles.sha256(dir.resolve(name)));
    }

    private static void delete(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var s = Files.walk(p)) {
                for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        }
    }
}
