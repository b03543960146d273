package org.mvclust.runtime.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvclust.api.Matrix;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.graph.GraphWalk;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.graph.StateVar;
import org.mvclust.runtime.plugin.Registry;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Writes a model directory as a TensorFlow SavedModel (tag {@code serve}) with one signature, {@code serving_default}:
 * inputs {@code view0..viewV-1} (samples × width, float32, as read: the stored preprocessing is part of the graph);
 * outputs {@code cluster} (int64), {@code embedding} and, for an argmax readout, {@code soft}. A k-means readout is
 * the nearest stored centroid.
 */
public final class SavedModelExport {
    public static final String SIGNATURE = "serving_default";

    private SavedModelExport() {
    }

    public static void export(Registry registry, ModelFiles m, Path out, int threads) throws IOException {
        if (Files.exists(out) && (!Files.isDirectory(out) || Files.list(out).findAny().isPresent())) {
            throw new ConfigException("export: " + out + " exists and is not an empty directory");
        }
        GraphSpec spec = new Predictor(registry).spec(m);
        List<Matrix> shapes = new ArrayList<>();
        List<Placeholder<TFloat32>> inputs = new ArrayList<>();
        for (ModelFiles.View v : m.views()) {
            shapes.add(new Matrix(1, v.width(), new float[v.width()]));
        }
        ModelBuilder builder = new ModelBuilder(spec, registry, m.clusters(), m.seed()).storedModel(m.samples()).serving((tf, v) -> {
            Placeholder<TFloat32> in = tf.withName("view" + v).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, m.views().get(v).width())));
            inputs.add(in);
            return scaled(tf.withSubScope("preprocess" + v), in, m.scalings().get(v));
        });
        try (Model model = builder.build(shapes); Session session = new Session(model.graph(),
                org.tensorflow.proto.ConfigProto.newBuilder().setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(threads).build())) {
            restore(session, model, m);
            Ops tf = Ops.create(model.graph()).withSubScope("serving");
            Operand<TFloat32> readout = model.readout();
            Operand<?> cluster = m.readoutType().equals("argmax")
                    ? tf.withName("cluster").math.argMax(readout, tf.constant(1))
                    : tf.withName("cluster").math.argMin(distances(tf, readout, m), tf.constant(1));
            Signature.Builder sig = Signature.builder().key(SIGNATURE).methodName("tensorflow/serving/predict");
            for (int v = 0; v < inputs.size(); v++) {
                sig.input("view" + v, inputs.get(v));
            }
            sig.output("cluster", cluster);
            sig.output("embedding", tf.withName("embedding").identity(model.tensors().get(Predictor.embeddingTensor(spec))));
            if (m.readoutType().equals("argmax")) {
                sig.output("soft", tf.withName("soft").identity(readout));
            }
            Path tmp = out.resolveSibling(out.getFileName() + ".partial");
            if (Files.exists(tmp)) {
                throw new ConfigException("export: " + tmp + " is left from an earlier export; remove it");
            }
            SavedModelBundle.exporter(tmp.toString()).withSession(session).withSignature(sig.build()).export();
            if (Files.exists(out)) {
                Files.delete(out);
            }
            Files.move(tmp, out);
        }
    }

    /** The stored preprocessing as graph ops (the same float arithmetic as {@code Preprocess.transform}). */
    private static Operand<TFloat32> scaled(Ops tf, Operand<TFloat32> x, ModelFiles.Scaling s) {
        if (s.method().equals("l2")) {
            Operand<TFloat32> sq = tf.reduceSum(tf.math.square(x), tf.constant(1), org.tensorflow.op.core.ReduceSum.keepDims(true));
            return tf.math.mul(x, tf.math.rsqrt(tf.math.maximum(sq, tf.constant(Float.MIN_NORMAL))));
        }
        if (!List.of("none", "minmax", "zscore").contains(s.method())) {
            throw new ConfigException("export: preprocessing '" + s.method() + "' has no graph form (none, minmax, zscore, l2 do)");
        }
        return tf.math.div(tf.math.sub(x, tf.constant(s.shift())), tf.constant(s.scale()));
    }

    /** Squared distances of each row to each stored centroid (samples × clusters); an empty cluster's is +inf. */
    private static Operand<TFloat32> distances(Ops tf, Operand<TFloat32> x, ModelFiles m) {
        float[] c = m.centroids().clone();
        for (int i = 0; i < c.length; i++) {
            c[i] = Float.isNaN(c[i]) ? Float.MAX_VALUE : c[i];
        }
        Operand<TFloat32> centres = tf.constant(Shape.of(m.clusters(), m.readoutFeatures()), DataBuffers.of(c, true, false));
        Operand<TFloat32> diff = tf.math.sub(tf.expandDims(x, tf.constant(1)), tf.expandDims(centres, tf.constant(0)));
        return tf.reduceSum(tf.math.square(diff), tf.constant(2));
    }

    /** Initialises every variable, then assigns the stored ones; refuses a readout that reads one it could not restore. */
    private static void restore(Session session, Model model, ModelFiles m) {
        Map<String, StateVar> byName = new HashMap<>();
        model.state().forEach(v -> byName.put(v.name(), v));
        Set<String> restored = new java.util.HashSet<>();
        Predictor.checkVariables(model, m);
        Predictor.checkInductive(model, m);
        assign(session, model.state(), null);
        m.forEachVariable((var, values) -> {
            StateVar sv = byName.get(var.name());
            if (sv != null && Arrays.equals(sv.shape(), var.shape())) {
                assign(session, List.of(sv), values);
                restored.add(sv.name());
            }
        });
        Set<GraphOperation> path = GraphWalk.ancestors(model.readout(), false);
        for (StateVar v : model.state()) {
            if (path.contains((GraphOperation) v.variable().op()) && !restored.contains(v.name())) {
                throw new ConfigException("export: the readout of " + m.method() + " reads '" + v.name()
                        + "', which holds one row per training sample; such a model cannot be exported for new samples");
            }
        }
    }

    private static void assign(Session session, List<StateVar> vars, float[] values) {
        for (StateVar v : vars) {
            try (TFloat32 t = TFloat32.tensorOf(Shape.of(v.shape()), DataBuffers.of(values != null ? values : v.initial(), true, false))) {
                session.runner().feed(v.feed(), t).addTarget(v.assign()).run().close();
            }
        }
    }
}
