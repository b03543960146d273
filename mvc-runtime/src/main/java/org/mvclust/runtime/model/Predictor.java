package org.mvclust.runtime.model;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.data.Preprocess;
import org.mvclust.runtime.eval.ArgmaxReadout;
import org.mvclust.runtime.graph.GraphWalk;
import org.mvclust.runtime.graph.KMeansAction;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.graph.StateVar;
import org.mvclust.runtime.graph.StoreAction;
import org.mvclust.runtime.plugin.Kind;
import org.mvclust.runtime.plugin.Registry;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Labels new samples with a stored model: the stored preprocessing, the trained network rebuilt from the stored graph,
 * and the readout without refitting (argmax of the readout tensor, or the nearest stored k-means centroid).
 * A per-sample buffer on the readout's path is refilled on the new samples by the graph's last {@code store} action
 * into it; one that only k-means over the training samples fills (a transductive readout) is refused.
 */
public final class Predictor {
    /** {@code batch}: samples per evaluation run; {@code log}: progress, or null. */
    public record Options(int threads, int batch, PrintStream log) {
    }

    /**
     * Hard labels; the soft assignment (the readout's rows for an argmax readout, else null); the embedding (the single
     * fusion node's output, else the readout's input; null unless asked for) and its tensor's name.
     */
    public record Prediction(int[] labels, Matrix soft, Matrix embedding, String embeddingTensor) {
    }

    private final Registry registry;
    private final GraphLoader graphs;

    public Predictor(Registry registry) {
        this.registry = registry;
        this.graphs = new GraphLoader(registry);
    }

    /** Fails unless {@code data} has the model's views: same count, same widths in order. */
    public static void checkViews(ModelFiles m, MultiViewData data) {
        List<ModelFiles.View> want = m.views();
        if (data.viewCount() != want.size()) {
            throw new ConfigException("dataset " + data.name() + " has " + data.viewCount() + " views but the model "
                    + m.dir() + " was trained on " + want.size() + " (" + want.stream().map(v -> v.name() + ":" + v.width()).toList() + ")");
        }
        for (int v = 0; v < want.size(); v++) {
            int have = data.views().get(v).cols();
            if (have != want.get(v).width()) {
                throw new ConfigException("dataset " + data.name() + ": view " + v + " (" + data.viewNames().get(v) + ") has "
                        + have + " columns but the model's view " + v + " (" + want.get(v).name() + ") has " + want.get(v).width());
            }
        }
    }

    /** The graph the model was trained with. */
    public GraphSpec spec(ModelFiles m) {
        return graphs.load(m.graphFile().toString(), List.of());
    }

    public Prediction predict(ModelFiles m, MultiViewData data, Options opt, boolean embedding) {
        checkViews(m, data);
        if (!m.readoutType().equals("argmax") && !m.readoutType().equals("kmeans")) {
            throw new ConfigException(m.dir() + ": readout '" + m.readoutType() + "' has no rule for new samples (argmax and kmeans do)");
        }
        GraphSpec spec = spec(m);
        List<Matrix> views = preprocess(m, data);
        try (Model model = new ModelBuilder(spec, registry, m.clusters(), m.seed()).storedModel(m.samples()).build(views);
             Session session = new Session(model.graph(), ConfigProto.newBuilder()
                     .setIntraOpParallelismThreads(opt.threads()).setInterOpParallelismThreads(opt.threads()).build())) {
            checkVariables(model, m);
            checkInductive(model, m);
            initialise(session, model.data(), null);
            initialise(session, model.state(), null);
            Set<String> restored = restore(session, model, m);
            List<StoreAction> refill = refill(model, restored, m);
            int n = data.samples();
            for (StoreAction s : refill) {
                try (TInt32 idx = range(0, n)) {
                    Session.Runner r = session.runner().feed(model.index(), idx);
                    s.assigns().forEach(r::addTarget);
                    r.run().close();
                }
            }
            String embName = embeddingTensor(spec);
            Operand<TFloat32> embOp = model.tensors().get(embName);
            Matrix readout = evaluate(session, model, model.readout(), n, opt, "readout");
            Matrix emb = embedding ? (embOp == model.readout() ? readout : evaluate(session, model, embOp, n, opt, "embedding")) : null;
            int[] labels = m.readoutType().equals("argmax") ? ArgmaxReadout.rows(readout) : Nearest.labels(readout, m.centroids(), m.clusters());
            if (m.readoutType().equals("kmeans") && readout.cols() != m.readoutFeatures()) {
                throw new ConfigException(m.dir() + ": the readout has " + readout.cols() + " features but the stored centroids " + m.readoutFeatures());
            }
            return new Prediction(labels, m.readoutType().equals("argmax") ? readout : null, emb, embName);
        }
    }

    /** The output of the graph's one fusion node, else the readout's input. */
    public static String embeddingTensor(GraphSpec spec) {
        List<GraphSpec.NodeSpec> fusion = spec.nodes().values().stream().filter(n -> n.kind() == Kind.FUSION && !n.perView()).toList();
        if (fusion.size() == 1 && fusion.get(0).out().size() == 1) {
            return fusion.get(0).out().values().iterator().next();
        }
        return spec.readout().in();
    }

    static List<Matrix> preprocess(ModelFiles m, MultiViewData data) {
        List<Matrix> out = new ArrayList<>();
        for (int v = 0; v < data.viewCount(); v++) {
            ModelFiles.Scaling s = m.scalings().get(v);
            int d = data.views().get(v).cols();
            if (!List.of("none", "minmax", "zscore", "l2").contains(s.method()) || s.shift().length != d || s.scale().length != d) {
                throw new ConfigException(m.dir().resolve("preprocess.json") + ": view " + v + ": preprocessing '" + s.method()
                        + "' with " + s.shift().length + " shifts and " + s.scale().length + " scales cannot map " + d + " columns");
            }
            Matrix x = data.views().get(v);
            Matrix copy = new Matrix(x.rows(), x.cols(), x.data().clone());
            Preprocess.transform(new Preprocess.Fitted(s.method(), s.shift(), s.scale()), copy);
            out.add(copy);
        }
        return out;
    }

    /**
     * Fails unless the model stores every variable that its rebuilt graph keeps (all but optimizer slots and buffers),
     * each with the graph's shape: a model written by an older mvclust or with other components is refused.
     */
    /**
     * Refuses a readout that reads the runtime's {@code sample_index}: it looks up something kept per training sample
     * (self-expression coefficients), so the rows of new samples would read the training samples' entries.
     */
    static void checkInductive(Model model, ModelFiles m) {
        Operand<TFloat32> index = model.tensors().get("sample_index");
        if (index != null && GraphWalk.ancestors(model.readout(), false).contains((GraphOperation) index.op())) {
            throw new ConfigException("model " + m.dir() + " (" + m.method() + ") cannot label new samples: its readout reads "
                    + "sample_index, so it looks up values kept per training sample (a transductive readout)");
        }
    }

    static void checkVariables(Model model, ModelFiles m) {
        Map<String, long[]> stored = new HashMap<>();
        m.variables().forEach(v -> stored.put(v.name(), v.shape()));
        for (StateVar v : model.state()) {
            if (!ModelWriter.kept(v)) {
                continue;
            }
            long[] have = stored.get(v.name());
            if (have == null || !java.util.Arrays.equals(have, v.shape())) {
                throw new ConfigException("model " + m.dir() + " does not match its graph: graph.yaml builds '" + v.name() + "' "
                        + java.util.Arrays.toString(v.shape()) + " but variables.bin " + (have == null ? "lacks it"
                        : "holds it as " + java.util.Arrays.toString(have)) + " (a model written by an older mvclust or with"
                        + " other components); train it again");
            }
        }
    }

    /** Assigns every stored variable whose shape the rebuilt graph shares; returns their names. */
    private static Set<String> restore(Session session, Model model, ModelFiles m) {
        Map<String, StateVar> byName = new HashMap<>();
        model.state().forEach(v -> byName.put(v.name(), v));
        Set<String> restored = new HashSet<>();
        m.forEachVariable((var, values) -> {
            StateVar sv = byName.get(var.name());
            if (sv == null) {
                throw new ConfigException(m.dir() + ": variables.bin holds '" + var.name() + "', which graph.yaml does not build");
            }
            if (java.util.Arrays.equals(sv.shape(), var.shape())) {
                initialise(session, List.of(sv), Map.of(sv.name(), values));
                restored.add(sv.name());
            }
        });
        return restored;
    }

    /**
     * The store actions that refill, on the new samples, each variable on the readout's path that was not restored
     * (per-sample buffers), in schedule order; refuses a variable that no store action fills.
     */
    private static List<StoreAction> refill(Model model, Set<String> restored, ModelFiles m) {
        List<Model.Action> actions = new ArrayList<>();
        model.actions().values().forEach(actions::addAll);
        Map<GraphOperation, StateVar> varOps = new HashMap<>();
        model.state().forEach(v -> varOps.put((GraphOperation) v.variable().op(), v));
        Set<GraphOperation> needed = GraphWalk.ancestors(model.readout(), false);
        Map<Integer, StoreAction> chosen = new java.util.TreeMap<>();
        Set<String> done = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (GraphOperation op : new ArrayList<>(needed)) {
                StateVar v = varOps.get(op);
                if (v == null || restored.contains(v.name()) || !done.add(v.name())) {
                    continue;
                }
                int at = lastStore(actions, op);
                if (at < 0) {
                    boolean kmeans = actions.stream().anyMatch(a -> a instanceof KMeansAction k
                            && (k.labels() == v || k.centroids().contains(v)));
                    throw new ConfigException("model " + m.dir() + " (" + m.method() + ") cannot label new samples: its readout reads '"
                            + v.name() + "', which holds one row per sample and " + (kmeans
                            ? "only k-means over the training samples fills (a transductive readout)"
                            : "no store action refills"));
                }
                StoreAction s = (StoreAction) actions.get(at);
                chosen.put(at, s);
                s.assigns().forEach(a -> needed.addAll(GraphWalk.ancestors(a, false)));
                changed = true;
            }
        }
        return new ArrayList<>(chosen.values());
    }

    /** The index of the last store action that assigns to the variable {@code op}, or -1. */
    private static int lastStore(List<Model.Action> actions, GraphOperation op) {
        for (int i = actions.size() - 1; i >= 0; i--) {
            if (actions.get(i) instanceof StoreAction s) {
                for (Op a : s.assigns()) {
                    GraphOperation assign = (GraphOperation) a.op();
                    if (assign.numInputs() > 0 && assign.input(0).op().equals(op)) { // wrappers differ, the op is the same
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    private static Matrix evaluate(Session session, Model model, Operand<TFloat32> t, int n, Options opt, String what) {
        int batch = Math.max(1, opt.batch());
        float[] out = null;
        int cols = 0;
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            try (TInt32 idx = range(from, to); Result r = session.runner().feed(model.index(), idx).fetch(t).run()) {
                TFloat32 f = (TFloat32) r.get(0);
                if (f.shape().numDimensions() != 2) {
                    throw new ConfigException("the " + what + " tensor must be samples × features, got shape " + f.shape());
                }
                if (out == null) {
                    cols = (int) f.shape().size(1);
                    out = new float[Math.multiplyExact(n, cols)];
                }
                f.copyTo(DataBuffers.of(out, false, false).offset((long) from * cols));
            }
            if (opt.log() != null && n > batch) {
                opt.log().printf("%s: %d/%d samples%n", what, to, n);
            }
        }
        return new Matrix(n, cols, out);
    }


    private static TInt32 range(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return TInt32.tensorOf(Shape.of(idx.length), DataBuffers.of(idx, true, false));
    }

    private static void initialise(Session session, List<StateVar> vars, Map<String, float[]> values) {
        List<TFloat32> fed = new ArrayList<>();
        try {
            Session.Runner r = session.runner();
            for (StateVar v : vars) {
                TFloat32 t = TFloat32.tensorOf(Shape.of(v.shape()), DataBuffers.of(values == null ? v.initial() : values.get(v.name()), true, false));
                fed.add(t);
                r.feed(v.feed(), t).addTarget(v.assign());
            }
            if (!vars.isEmpty()) {
                r.run().close();
            }
        } finally {
            fed.forEach(TFloat32::close);
        }
    }
}
