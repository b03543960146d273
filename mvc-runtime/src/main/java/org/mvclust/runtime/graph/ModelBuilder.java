package org.mvclust.runtime.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvclust.api.Block;
import org.mvclust.nn.FanIn;
import org.mvclust.api.Inputs;
import org.mvclust.api.Matrix;
import org.mvclust.api.Params;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.Names;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.GraphSpec.LossSpec;
import org.mvclust.runtime.config.GraphSpec.NodeSpec;
import org.mvclust.runtime.config.GraphSpec.PhaseSpec;
import org.mvclust.runtime.config.ParamResolver;
import org.mvclust.runtime.config.TensorRef;
import org.mvclust.runtime.plugin.Kind;
import org.mvclust.runtime.plugin.Registry;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** Builds a {@link Model} from a graph spec and the data's shapes; every shape error names the node and view. */
public final class ModelBuilder {
    private final GraphSpec spec;
    private final Registry registry;
    private final int clusters;
    private final long seed;
    private Graph graph;
    private Ops tf;
    private StepCompiler stepCompiler;
    private PlaceholderWithDefault<TBool> training;
    private PlaceholderWithDefault<TInt64> noiseSeed;
    private final List<StateVar> state = new ArrayList<>();
    private final Map<String, List<StateVar>> owned = new LinkedHashMap<>();
    private final Map<String, Operand<TFloat32>> tensors = new LinkedHashMap<>();
    private final Map<String, StateVar> byName = new LinkedHashMap<>();
    private final Map<String, List<Op>> updates = new LinkedHashMap<>();
    private Placeholder<TInt32> index;
    private int views;
    private int samples;
    private Matrix mask;

    public ModelBuilder(GraphSpec spec, Registry registry, int clusters, long seed) {
        this.spec = spec;
        this.registry = registry;
        this.clusters = clusters;
        this.seed = seed;
    }

    /** One view's input for a serving graph, built in the graph's scope. */
    public interface ServingInput {
        Operand<TFloat32> view(Ops tf, int view);
    }

    private ServingInput serving;
    private int sizedFor = -1;
    private final List<StoreAction.Keeper> keepers = new ArrayList<>();

    /**
     * Builds a trained model's graph for new samples: the blocks sized ({@code ${samples}}, a block's
     * {@code samples()}) for the {@code n} training samples while the data and buffers hold another count; kept
     * statistics read from their variables, not the batch; a buffer that the schedule's last {@code store} fills from
     * one tensor built before its readers is that tensor (the store replayed in the graph); no training steps.
     */
    public ModelBuilder storedModel(int n) {
        this.sizedFor = n;
        return this;
    }

    private boolean stored() {
        return sizedFor > 0;
    }

    /**
     * For serving: the views come from {@code inputs} instead of the data variables, and no losses or phases are
     * built; {@code data} then only gives the views' widths (and the row count of the buffers).
     */
    public ModelBuilder serving(ServingInput inputs) {
        this.serving = inputs;
        return this;
    }

    /** Builds the graph for data of these views (the values are fed later through {@link Model#data()}). */
    public Model build(List<Matrix> data) {
        return build(data, null);
    }

    /**
     * As {@link #build(List)} for incomplete data: {@code mask} (samples × views, 1 = present) becomes the per-view
     * tensor {@code mask}; with a null mask (complete data) a port wired to {@code mask} counts as unwired.
     */
    public Model build(List<Matrix> data, Matrix mask) {
        this.mask = mask;
        graph = new Graph();
        try {
            return buildIn(data);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private Model buildIn(List<Matrix> data) {
        tf = Ops.create(graph);
        views = data.size();
        samples = data.get(0).rows();
        index = tf.withName("index").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        training = tf.withName("training").placeholderWithDefault(tf.constant(false), Shape.scalar());
        noiseSeed = tf.withName("noise_seed").placeholderWithDefault(tf.constant(new long[] {0, 0}), Shape.of(2));
        List<StateVar> dataVars = new ArrayList<>();
        for (int v = 0; v < views && serving != null; v++) {
            tensors.put("x." + v, serving.view(tf, v));
        }
        for (int v = 0; v < views && serving == null; v++) {
            Matrix m = data.get(v);
            StateVar dv = variable(tf.withSubScope("data"), "view" + v, "data.view" + v, new long[] {m.rows(), m.cols()}, m.data());
            dataVars.add(dv);
            tensors.put("x." + v, tf.withName("x" + v).gather(dv.variable(), index, tf.constant(0)));
        }
        if (mask != null) {
            StateVar mv = variable(tf.withSubScope("data"), "mask", "data.mask", new long[] {mask.rows(), mask.cols()}, mask.data());
            dataVars.add(mv);
            Operand<TFloat32> rows = tf.gather(mv.variable(), index, tf.constant(0));
            for (int v = 0; v < views; v++) {
                tensors.put("mask." + v, tf.withName("mask" + v).slice(rows, tf.constant(new int[] {0, v}), tf.constant(new int[] {-1, 1})));
            }
        }
        // the dataset row of each batch row, for blocks that keep per-sample state
        tensors.put("sample_index", tf.withName("sample_index").dtypes.cast(tf.expandDims(index, tf.constant(1)), TFloat32.class));
        for (GraphSpec.BufferSpec b : spec.buffers().values()) {
            int width = ParamResolver.resolve(spec.source() + ": buffers." + b.id(),
                    List.of(org.mvclust.api.ParamSpec.ofInt("width", null, "columns")), Map.of("width", b.width()), vars(-1))
                    .getInt("width");
            StateVar buf = newState("buffer." + b.id(), new long[] {samples, width}, new float[Math.multiplyExact(samples, width)]);
            tensors.put(b.id(), tf.withName("buffer_" + b.id()).gather(buf.variable(), index, tf.constant(0)));
        }
        Map<String, String> replays = stored() ? StoreReplay.lastStores(spec) : Map.of();
        for (NodeSpec n : spec.nodes().values()) {
            node(n);
            StoreReplay.substitute(replays, tensors);
        }
        Map<String, Operand<TFloat32>> losses = new LinkedHashMap<>();
        Map<String, List<Model.Step>> steps = new LinkedHashMap<>();
        Map<String, List<Model.Action>> actions = new LinkedHashMap<>();
        if (serving == null) {
            for (LossSpec l : spec.losses().values()) {
                losses.put(l.id(), loss(l));
            }
            stepCompiler = stored() ? null : new StepCompiler(tf, registry, spec.source(), owned, updates, this::newState);
            phases(spec.phases(), "", losses, steps, actions);
        }
        Operand<TFloat32> readout = tensors.get(spec.readout().in());
        if (readout == null) {
            throw new ConfigException(spec.source() + ": readout.in: '" + spec.readout().in()
                    + "' is a per-view tensor; read out a fused tensor or name one view");
        }
        return new Model(graph, index, training, noiseSeed, Map.copyOf(tensors), losses, List.copyOf(state),
                dataVars, steps, actions, readout);
    }

    private void node(NodeSpec n) {
        Block block = registry.get(n.kind(), n.type(), spec.source() + ": nodes." + n.id());
        List<StateVar> mine = owned.computeIfAbsent(n.id(), k -> new ArrayList<>());
        for (int v : n.perView() ? range(views) : new int[] {-1}) {
            Map<String, Operand<TFloat32>> out = instance(block, n.id(), n.in(), n.params(), v, mine);
            for (Map.Entry<String, String> o : n.out().entrySet()) {
                tensors.put(TensorRef.key(o.getValue(), v), out.get(o.getKey()));
            }
        }
    }

    private Operand<TFloat32> loss(LossSpec l) {
        Block block = registry.get(Kind.LOSS, l.type(), spec.source() + ": losses." + l.id());
        List<Operand<TFloat32>> parts = new ArrayList<>();
        List<StateVar> mine = owned.computeIfAbsent(l.id(), k -> new ArrayList<>());
        for (int v : l.perView() ? range(views) : new int[] {-1}) {
            Map<String, Operand<TFloat32>> out = instance(block, l.id(), l.in(), l.params(), v, mine);
            parts.add(out.get("loss"));
            out.forEach((k, t) -> {
                if (!k.equals("loss")) {
                    tensors.put(TensorRef.key(l.id() + "." + k, v), t);
                }
            });
        }
        Operand<TFloat32> total = FanIn.sum(tf, parts);
        tensors.put(l.id(), total);
        return total;
    }

    private Map<String, Operand<TFloat32>> instance(Block block, String id, Map<String, TensorRef> wires,
                                                    Map<String, Object> rawParams, int view, List<StateVar> mine) {
        String where = spec.source() + ": " + (spec.nodes().containsKey(id) ? "nodes." : "losses.") + id
                + (view >= 0 ? " (view " + view + ")" : "");
        Params params = ParamResolver.resolve(where + ".params", block.params(), rawParams, vars(view));
        Inputs inputs = inputs(wires, view, where);
        String scope = view >= 0 ? id + "_" + view : id;
        NodeContext ctx = new NodeContext(this, tf.withSubScope(scope), scope, mine,
                updates.computeIfAbsent(id, k -> new ArrayList<>()), seed, registry);
        try {
            Map<String, Operand<TFloat32>> out = block.build(ctx, inputs, params);
            for (String o : block.outputs()) {
                if (!out.containsKey(o)) {
                    throw new ConfigException(where + ": component '" + block.name() + "' did not produce output '" + o + "'");
                }
            }
            return out;
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigException(where + " (" + block.name() + "): " + firstLine(e), e);
        }
    }

    private Map<String, Object> vars(int view) {
        Map<String, Object> vars = new LinkedHashMap<>(spec.vars());
        vars.put("clusters", clusters);
        vars.put("views", views);
        vars.put("samples", samples());
        long total = 0;
        for (int v = 0; v < views; v++) {
            total += tensors.get("x." + v).shape().size(1);
        }
        vars.put("total_dim", total);
        if (view >= 0) {
            vars.put("dim", tensors.get("x." + view).shape().size(1));
        }
        return vars;
    }

    private Inputs inputs(Map<String, TensorRef> wires, int view, String where) {
        return new Inputs() {
            @Override
            public Operand<TFloat32> one(String port) {
                TensorRef t = wire(port);
                if (t.oneView()) {
                    return tensor(t.key(), port);
                }
                if (view >= 0 && tensors.containsKey(t.key(view))) {
                    return tensors.get(t.key(view));
                }
                if (!tensors.containsKey(t.base()) && tensors.containsKey(t.key(0))) {
                    throw new ConfigException(where + ": port '" + port + "': '" + t + "' has one tensor per view;"
                            + " write " + t + "[*] for all or " + t + "[0] for one");
                }
                return tensor(t.base(), port);
            }

            @Override
            public List<Operand<TFloat32>> many(String port) {
                TensorRef t = wire(port);
                List<Operand<TFloat32>> list = new ArrayList<>();
                for (int v = 0; v < views; v++) {
                    list.add(tensor(t.key(v), port));
                }
                return list;
            }

            @Override
            public boolean has(String port) {
                return wires.containsKey(port) && (mask != null || !wires.get(port).base().equals("mask"));
            }

            private TensorRef wire(String port) {
                TensorRef t = wires.get(port);
                if (t == null) {
                    throw new ConfigException(where + ": port '" + port + "' is not wired");
                }
                return t;
            }

            private Operand<TFloat32> tensor(String name, String port) {
                Operand<TFloat32> t = tensors.get(name);
                if (t == null) {
                    throw new ConfigException(where + ": port '" + port + "': no tensor '" + name + "' here");
                }
                return t;
            }
        };
    }

    private void phases(List<PhaseSpec> phases, String prefix, Map<String, Operand<TFloat32>> losses,
                        Map<String, List<Model.Step>> out, Map<String, List<Model.Action>> actions) {
        for (PhaseSpec p : phases) {
            String key = prefix + p.name();
            if (p.isGroup()) {
                phases(p.children(), key + "/", losses, out, actions);
                continue;
            }
            List<Model.Action> acts = new ArrayList<>();
            for (int i = 0; i < p.actions().size(); i++) {
                acts.add(action(p.actions().get(i), key, i));
            }
            actions.put(key, acts);
            List<Model.Step> steps = new ArrayList<>();
            for (int i = 0; i < p.steps().size() && stepCompiler != null; i++) {
                steps.add(stepCompiler.compile(p.steps().get(i), key, i, losses));
            }
            out.put(key, steps);
        }
    }

    private Model.Action action(GraphSpec.ActionSpec a, String phase, int i) {
        String where = spec.source() + ": phase " + phase + " action " + i + " (" + a.type() + ")";
        Ops at = tf.withSubScope("action_" + phase.replaceAll("[^A-Za-z0-9_]", "_") + "_" + i);
        boolean all = a.in().all();
        List<Operand<TFloat32>> inputs = new ArrayList<>();
        List<StateVar> targets = new ArrayList<>();
        for (int v : all ? range(views) : new int[] {-1}) {
            Operand<TFloat32> t = tensors.get(v < 0 ? a.in().key() : a.in().key(v));
            if (t == null) {
                throw new ConfigException(where + ": '" + a.in() + "' has one tensor per view; write " + a.in() + "[*]");
            }
            inputs.add(t);
            targets.add(a.into() == null ? null : target(a.into(), v, where));
        }
        if (a.type().equals("store")) {
            return StoreAction.build(at, where, a.in(), inputs, targets, keepers);
        }
        int k = a.k() != null ? ParamResolver.resolve(where, List.of(org.mvclust.api.ParamSpec.ofInt("k", null, "clusters")),
                Map.of("k", a.k()), vars(-1)).getInt("k") : defaultK(targets);
        StateVar labels = a.labels() == null ? null : byName.get("buffer." + a.labels());
        return KMeansAction.build(where, a.in(), inputs, targets, labels, a.labels(), k, a.options());
    }

    /** Without k: the rows of the centroid variable(s) when given (a block chose the count), else the clusters. */
    private int defaultK(List<StateVar> targets) {
        return targets.stream().filter(java.util.Objects::nonNull).mapToInt(t -> (int) t.shape()[0])
                .findFirst().orElse(clusters);
    }

    /** The variable an action writes: a buffer, or node.var (node_v.var for view v of a per-view node). */
    private StateVar target(String name, int view, String where) {
        StateVar b = byName.get("buffer." + name);
        if (b != null) {
            return b;
        }
        int dot = name.indexOf('.');
        String full = view >= 0 && dot > 0 ? name.substring(0, dot) + "_" + view + name.substring(dot) : name;
        StateVar v = byName.get(full);
        if (v == null) {
            throw new ConfigException(where + ": " + Names.unknown("variable", full, byName.keySet().stream()
                    .filter(n -> !n.startsWith("opt.") && !n.startsWith("buffer.")).toList()));
        }
        return v;
    }

    StateVar newState(String name, long[] shape, float[] initial) {
        if (byName.containsKey(name)) {
            throw new ConfigException(spec.source() + ": two variables named '" + name + "'");
        }
        String opName = name.replaceAll("[^A-Za-z0-9_.\\-]", "_");
        StateVar v = variable(tf.withSubScope("state"), opName, name, shape, initial);
        state.add(v);
        byName.put(name, v);
        return v;
    }

    private static StateVar variable(Ops scope, String opName, String name, long[] shape, float[] initial) {
        Variable<TFloat32> var = scope.withName(opName).variable(Shape.of(shape), TFloat32.class);
        Placeholder<TFloat32> feed = scope.withName(opName + "_feed").placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
        Op assign = scope.withName(opName + "_assign").assign(var, feed);
        return new StateVar(name, shape, var, feed, assign, initial);
    }

    /** See {@link org.mvclust.api.BuildContext#kept}. */
    Operand<TFloat32> kept(String name, long[] shape, Operand<TFloat32> ofBatch) {
        long size = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("kept statistic '" + name + "' needs a known shape, got "
                        + java.util.Arrays.toString(shape));
            }
            size *= d;
        }
        StateVar v = newState(name, shape, new float[Math.toIntExact(size)]);
        if (stored()) {
            return v.variable();
        }
        Ops at = tf.withSubScope("keep");
        keepers.add(new StoreAction.Keeper(ofBatch, at.assign(v.variable(), at.reshape(ofBatch, at.constant(shape)))));
        return ofBatch;
    }

    PlaceholderWithDefault<TBool> training() {
        return training;
    }

    PlaceholderWithDefault<TInt64> noiseSeed() {
        return noiseSeed;
    }

    int clusters() {
        return clusters;
    }

    int samples() {
        return sizedFor > 0 ? sizedFor : samples;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

}
