package org.mvclust.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvclust.api.Block;
import org.mvclust.api.Optimizer;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Port;
import org.mvclust.api.Readout;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.Names;
import org.mvclust.runtime.config.GraphSpec.ActionSpec;
import org.mvclust.runtime.config.GraphSpec.BufferSpec;
import org.mvclust.runtime.config.GraphSpec.LossSpec;
import org.mvclust.runtime.config.GraphSpec.NodeSpec;
import org.mvclust.runtime.config.GraphSpec.OptimizerSpec;
import org.mvclust.runtime.config.GraphSpec.PhaseSpec;
import org.mvclust.runtime.config.GraphSpec.ReadoutSpec;
import org.mvclust.runtime.config.GraphSpec.StepSpec;
import org.mvclust.runtime.plugin.Kind;
import org.mvclust.runtime.plugin.Registry;

/** Turns a graph tree into a {@link GraphSpec}, checking every name, parameter and wire before anything is built. */
public final class GraphParser {
    static final Set<String> TOP = Set.of("name", "description", "paper", "vars", "dataset", "buffers", "nodes", "losses", "phases", "readout",
            "report");
    static final Set<String> NODE = Set.of("kind", "type", "per_view", "in", "out", "params");
    static final Set<String> LOSS = Set.of("type", "per_view", "in", "weight", "params");
    static final Set<String> PHASE = Set.of("name", "actions", "epochs", "batch", "cycle", "drop_last", "losses", "train", "optimizer",
            "clip", "grad_norms", "steps", "repeat", "phases");
    static final Map<String, Set<String>> ACTIONS = Map.of(
            "store", Set.of("from", "into"),
            "kmeans", Set.of("in", "k", "centroids", "labels", "restarts", "max_iter", "warm"));
    static final Set<String> STEP = Set.of("losses", "train", "optimizer", "clip", "grad_norms");
    static final Set<String> READOUT = Set.of("type", "in", "params");
    /** A phase's batch: a number, {@code full}, or a rule such as {@code ${min(samples, max(100, 10 * clusters))}}. */
    public static final ParamSpec BATCH = ParamSpec.ofInt("batch", null, "samples per batch");

    public static final Set<String> BUILTIN_VARS = Set.of("dim", "total_dim", "clusters", "views", "samples");

    private final Registry registry;
    private final String source;
    private Set<String> tensors;
    private Set<String> buffers;
    private Set<String> known;
    private Map<String, Object> vars = Map.of();

    public GraphParser(Registry registry, String source) {
        this.registry = registry;
        this.source = source;
    }

    public GraphSpec parse(ObjectNode tree) {
        keys(tree, TOP, "");
        Map<String, Object> vars = new LinkedHashMap<>();
        if (tree.has("vars")) {
            tree.get("vars").fields().forEachRemaining(e -> vars.put(e.getKey(), plain(e.getValue())));
        }
        for (String b : BUILTIN_VARS) {
            if (vars.containsKey(b)) {
                throw error("vars." + b, "'" + b + "' is set by the runtime and cannot be a graph variable");
            }
        }
        this.vars = vars;
        Set<String> known = new HashSet<>(vars.keySet());
        known.addAll(BUILTIN_VARS);
        String preprocess = "none";
        Map<String, String> readerOptions = new LinkedHashMap<>();
        Map<String, Map<String, String>> perDataset = new LinkedHashMap<>();
        if (tree.has("dataset")) {
            JsonNode d = tree.get("dataset");
            if (!d.isObject()) {
                throw error("dataset", "expected a mapping (preprocess and reader options such as nan, views, labels, samples)");
            }
            preprocess = text(d, "preprocess", "dataset", "none");
            registry.get(Kind.PREPROCESSOR, preprocess, where("dataset.preprocess"));
            d.fields().forEachRemaining(e -> {
                if (e.getKey().equals("for")) {
                    if (!e.getValue().isObject()) {
                        throw error("dataset.for", "expected a mapping from dataset names to reader options, e.g. {hw: {views: \"2,3,1\"}}");
                    }
                    e.getValue().fields().forEachRemaining(f -> {
                        if (!f.getValue().isObject()) {
                            throw error("dataset.for." + f.getKey(), "expected a mapping of reader options");
                        }
                        Map<String, String> opts = new LinkedHashMap<>();
                        f.getValue().fields().forEachRemaining(o ->
                                opts.put(o.getKey(), readerOption(o.getValue(), "dataset.for." + f.getKey() + "." + o.getKey())));
                        perDataset.put(f.getKey(), opts);
                    });
                } else if (!e.getKey().equals("preprocess")) {
                    readerOptions.put(e.getKey(), readerOption(e.getValue(), "dataset." + e.getKey()));
                }
            });
        }
        Set<String> tensors = new LinkedHashSet<>(List.of("x", "sample_index", "mask"));
        Map<String, BufferSpec> buffers = new LinkedHashMap<>();
        object(tree, "buffers", "").fields().forEachRemaining(e -> {
            String at = "buffers." + e.getKey();
            id(e.getKey(), at);
            keys(e.getValue(), Set.of("width"), at);
            Object width = plain(required(e.getValue(), "width", at, v -> v.isNumber() || v.isTextual()));
            ParamResolver.check(where(at), List.of(ParamSpec.ofInt("width", null, "columns")), Map.of("width", width), known);
            buffers.put(e.getKey(), new BufferSpec(e.getKey(), width));
            tensors.add(e.getKey());
        });
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        JsonNode nodesTree = object(tree, "nodes", "");
        nodesTree.fields().forEachRemaining(e -> nodes.put(e.getKey(), node(e.getKey(), e.getValue(), tensors, known)));
        Map<String, LossSpec> losses = new LinkedHashMap<>();
        object(tree, "losses", "").fields().forEachRemaining(e -> losses.put(e.getKey(), loss(e.getKey(), e.getValue(), tensors, known)));
        JsonNode phasesTree = tree.get("phases");
        if (phasesTree == null || !phasesTree.isArray() || phasesTree.isEmpty()) {
            throw error("phases", "needs a non-empty list of phases");
        }
        this.tensors = tensors;
        this.buffers = buffers.keySet();
        this.known = known;
        List<PhaseSpec> phases = phases(phasesTree, "phases", nodes.keySet(), losses);
        ReadoutSpec readout = readout(tree.get("readout"), tensors);
        List<TensorRef> report = report(tree.get("report"), tensors);
        return new GraphSpec(text(tree, "name", "", "unnamed"), text(tree, "description", "", ""), source, vars,
                preprocess, readerOptions, perDataset, buffers, nodes, losses, phases, readout, report, tree);
    }

    private NodeSpec node(String id, JsonNode n, Set<String> tensors, Set<String> known) {
        String at = "nodes." + id;
        id(id, at);
        keys(n, NODE, at);
        String kindLabel = required(n, "kind", at);
        Kind kind = Kind.byLabel(kindLabel);
        if (kind == null || !Block.class.isAssignableFrom(kind.type)) {
            throw error(at + ".kind", Names.unknown("kind", kindLabel, List.of("encoder", "fusion", "head", "loss")));
        }
        String type = required(n, "type", at);
        Block block = registry.get(kind, type, where(at + ".type"));
        Map<String, TensorRef> in = refs(wires(n.get("in"), at + ".in"));
        Map<String, String> out = wires(n.get("out"), at + ".out");
        checkPorts(at, block, in, tensors);
        for (String o : out.keySet()) {
            if (!block.outputs().contains(o)) {
                throw error(at + ".out." + o, Names.unknown("output of " + kind.label + " '" + type + "'", o, block.outputs()));
            }
        }
        Map<String, Object> params = params(n.get("params"), at + ".params");
        ParamResolver.check(where(at + ".params"), block.params(), params, known);
        tensors.addAll(out.values());
        return new NodeSpec(id, kind, type, bool(n, "per_view", at), in, out, params);
    }

    private LossSpec loss(String id, JsonNode n, Set<String> tensors, Set<String> known) {
        String at = "losses." + id;
        id(id, at);
        keys(n, LOSS, at);
        String type = required(n, "type", at);
        Block block = registry.get(Kind.LOSS, type, where(at + ".type"));
        Map<String, TensorRef> in = refs(wires(n.get("in"), at + ".in"));
        checkPorts(at, block, in, tensors);
        Map<String, Object> params = params(n.get("params"), at + ".params");
        ParamResolver.check(where(at + ".params"), block.params(), params, known);
        double weight = n.has("weight") ? weight(n.get("weight"), at + ".weight") : 1.0;
        return new LossSpec(id, type, bool(n, "per_view", at), in, weight, params);
    }

    private void checkPorts(String at, Block block, Map<String, TensorRef> in, Set<String> tensors) {
        Map<String, Port> ports = new LinkedHashMap<>();
        block.inputs().forEach(p -> ports.put(p.name(), p));
        for (Map.Entry<String, TensorRef> w : in.entrySet()) {
            Port p = ports.get(w.getKey());
            if (p == null) {
                throw error(at + ".in." + w.getKey(), Names.unknown("input port of '" + block.name() + "'", w.getKey(), ports.keySet()));
            }
            TensorRef t = w.getValue();
            if (p.list() != t.all()) {
                throw error(at + ".in." + w.getKey(), p.list() ? "port takes one tensor per view: write '" + t + "[*]'"
                        : "port takes one tensor, not a list: drop '[*]'");
            }
            if (!tensors.contains(t.base())) {
                throw error(at + ".in." + w.getKey(), Names.unknown("tensor", t.base(), tensors) + "; a node may only read tensors made by nodes above it");
            }
        }
        for (Port p : ports.values()) {
            if (!p.optional() && !in.containsKey(p.name())) {
                throw error(at + ".in", "input port '" + p.name() + "' (" + p.doc() + ") is not wired");
            }
        }
    }

    private List<PhaseSpec> phases(JsonNode list, String at, Set<String> nodeIds, Map<String, LossSpec> losses) {
        List<PhaseSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String pat = at + "[" + i + "]";
            keys(p, PHASE, pat);
            String name = text(p, "name", pat, "phase" + i);
            if (!names.add(name)) {
                throw error(pat + ".name", "two phases named '" + name + "'");
            }
            if (p.has("phases")) {
                for (String k : List.of("actions", "epochs", "steps", "losses")) {
                    if (p.has(k)) {
                        throw error(pat + "." + k, "a group of phases has only name, repeat and phases");
                    }
                }
                int repeat = p.has("repeat") ? integer(p.get("repeat"), pat + ".repeat", 1) : 1;
                out.add(new PhaseSpec(name, List.of(), 0, 0, null, false, false, List.of(), repeat,
                        phases(p.get("phases"), pat + ".phases", nodeIds, losses)));
                continue;
            }
            List<ActionSpec> actions = actions(p.get("actions"), pat + ".actions", nodeIds);
            boolean training = p.has("epochs") || p.has("steps") || p.has("losses");
            if (!training) {
                if (actions.isEmpty()) {
                    throw error(pat, "a phase needs epochs with losses to train, or actions");
                }
                out.add(new PhaseSpec(name, actions, 0, 0, null, false, false, List.of(), 1, null));
                continue;
            }
            int epochs = integer(required(p, "epochs", pat, JsonNode::isNumber), pat + ".epochs", 1);
            JsonNode b = p.get("batch");
            String batchRule = b != null && b.isTextual() && b.asText().startsWith("${") ? b.asText() : null;
            if (batchRule != null) {
                ParamResolver.check(where(pat + ".batch"), List.of(BATCH), Map.of("batch", batchRule), known);
            }
            int batch = b == null ? 256 : batchRule != null || b.isTextual() && b.asText().equals("full") ? 0
                    : integer(b, pat + ".batch", 1);
            List<StepSpec> steps = new ArrayList<>();
            if (p.has("steps")) {
                for (String k : List.of("losses", "train", "optimizer", "clip", "grad_norms")) {
                    if (p.has(k)) {
                        throw error(pat + "." + k, "give '" + k + "' inside each step when 'steps' is used");
                    }
                }
                JsonNode s = p.get("steps");
                for (int j = 0; j < s.size(); j++) {
                    keys(s.get(j), STEP, pat + ".steps[" + j + "]");
                    steps.add(step(s.get(j), pat + ".steps[" + j + "]", nodeIds, losses));
                }
            } else {
                steps.add(step(p, pat, nodeIds, losses));
            }
            out.add(new PhaseSpec(name, actions, epochs, batch, batchRule, bool(p, "cycle", pat), bool(p, "drop_last", pat),
                    steps, 1, null));
        }
        return out;
    }

    private List<ActionSpec> actions(JsonNode list, String at, Set<String> nodeIds) {
        List<ActionSpec> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        if (!list.isArray()) {
            throw error(at, "expected a list like [{store: {from: p, into: P}}]");
        }
        for (int i = 0; i < list.size(); i++) {
            String aat = at + "[" + i + "]";
            JsonNode a = list.get(i);
            if (!a.isObject() || a.size() != 1) {
                throw error(aat, "an action is one of " + ACTIONS.keySet() + " with its settings, e.g. {store: {from: p, into: P}}");
            }
            String type = a.fieldNames().next();
            if (!ACTIONS.containsKey(type)) {
                throw error(aat, Names.unknown("action", type, ACTIONS.keySet()));
            }
            JsonNode o = a.get(type);
            aat = aat + "." + type;
            keys(o, ACTIONS.get(type), aat);
            TensorRef in = TensorRef.parse(required(o, type.equals("store") ? "from" : "in", aat));
            if (!tensors.contains(in.base())) {
                throw error(aat + (type.equals("store") ? ".from" : ".in"), Names.unknown("tensor", in.base(), tensors));
            }
            String into = type.equals("store") ? required(o, "into", aat) : text(o, "centroids", aat, null);
            if (into != null && !buffers.contains(into)) {
                String node = into.contains(".") ? into.substring(0, into.indexOf('.')) : into;
                if (!nodeIds.contains(node)) {
                    throw error(aat + (type.equals("store") ? ".into" : ".centroids"), "'" + into
                            + "' is neither a buffer " + buffers + " nor a node variable like node.var; "
                            + Names.unknown("node", node, nodeIds));
                }
            }
            String labels = text(o, "labels", aat, null);
            if (labels != null && !buffers.contains(labels)) {
                throw error(aat + ".labels", Names.unknown("buffer", labels, buffers));
            }
            Object k = o.has("k") ? plain(o.get("k")) : null;
            if (k != null) {
                ParamResolver.check(where(aat), List.of(ParamSpec.ofInt("k", null, "clusters")), Map.of("k", k), known);
            }
            Map<String, Object> options = new LinkedHashMap<>();
            for (String key : List.of("restarts", "max_iter")) {
                if (o.has(key)) {
                    options.put(key, integer(o.get(key), aat + "." + key, 1));
                }
            }
            options.put("warm", bool(o, "warm", aat));
            if (type.equals("kmeans") && into == null && labels == null) {
                throw error(aat, "write the result somewhere: centroids (a node variable) and/or labels (a buffer)");
            }
            out.add(new ActionSpec(type, in, into, labels, k, options));
        }
        return out;
    }

    private StepSpec step(JsonNode s, String at, Set<String> nodeIds, Map<String, LossSpec> losses) {
        Map<String, Double> weights = new LinkedHashMap<>();
        JsonNode l = s.get("losses");
        if (l == null || l.isEmpty()) {
            throw error(at + ".losses", "a step needs at least one loss (" + String.join(", ", losses.keySet()) + ")");
        }
        if (l.isArray()) {
            l.forEach(x -> weights.put(x.asText(), null));
        } else {
            l.fields().forEachRemaining(e -> weights.put(e.getKey(), weight(e.getValue(), at + ".losses." + e.getKey())));
        }
        Map<String, Double> resolved = new LinkedHashMap<>();
        weights.forEach((k, w) -> {
            if (!losses.containsKey(k)) {
                throw error(at + ".losses", Names.unknown("loss", k, losses.keySet()));
            }
            resolved.put(k, w == null ? losses.get(k).weight() : w);
        });
        JsonNode t = s.get("train");
        if (t == null || !(t.isArray() || t.isObject()) || t.isEmpty()) {
            throw error(at + ".train", "list the nodes this step trains (" + String.join(", ", nodeIds) + ")");
        }
        JsonNode o = s.get("optimizer");
        if (o == null) {
            throw error(at + ".optimizer", "missing (e.g. {type: adam, lr: 0.001})");
        }
        OptimizerSpec base = optimizer(o, at + ".optimizer", null);
        Map<String, OptimizerSpec> train = new LinkedHashMap<>();
        java.util.function.BiConsumer<String, JsonNode> add = (id, override) -> {
            if (!nodeIds.contains(id)) {
                throw error(at + ".train", Names.unknown("node", id, nodeIds));
            }
            train.put(id, override == null || override.isNull() ? base : optimizer(override, at + ".train." + id, base));
        };
        if (t.isArray()) {
            t.forEach(x -> add.accept(x.asText(), null));
        } else {
            t.fields().forEachRemaining(e -> add.accept(e.getKey(), e.getValue()));
        }
        return new StepSpec(resolved, train, s.has("clip") ? number(s.get("clip"), at + ".clip") : 0,
                gradNorms(s.get("grad_norms"), at + ".grad_norms", train.keySet()));
    }

    /** grad_norms: true (every trained node), false, or a list of trained node ids. */
    private List<String> gradNorms(JsonNode g, String at, Set<String> trained) {
        if (g == null || g.isBoolean() && !g.asBoolean()) {
            return List.of();
        }
        if (g.isBoolean()) {
            return List.copyOf(trained);
        }
        if (!g.isArray()) {
            throw error(at, "expected true, false or a list of trained nodes " + trained);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode n : g) {
            if (!trained.contains(n.asText())) {
                throw error(at, Names.unknown("trained node", n.asText(), trained));
            }
            ids.add(n.asText());
        }
        return ids;
    }

    /** An optimizer and its settings; with a base, the keys given override the base's (a parameter group). */
    private OptimizerSpec optimizer(JsonNode o, String at, OptimizerSpec base) {
        if (!o.isObject()) {
            throw error(at, "expected a mapping like {type: adam, lr: 0.001}");
        }
        String type = base != null ? text(o, "type", at, base.type()) : required(o, "type", at);
        Optimizer optimizer = registry.get(Kind.OPTIMIZER, type, where(at + ".type"));
        if (base != null && !type.equals(base.type())) {
            throw error(at + ".type", "a parameter group uses the step's optimizer (" + base.type() + "); only its settings may differ");
        }
        Map<String, Object> raw = new LinkedHashMap<>(base != null ? base.params() : Map.of());
        o.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("type")) {
                raw.put(e.getKey(), plain(e.getValue()));
            }
        });
        Map<String, Object> params = ParamResolver.resolve(where(at), optimizer.params(), raw, vars).asMap();
        if (params.get("lr") instanceof Number lr && !(lr.doubleValue() > 0)) {
            throw error(at + ".lr", "must be > 0");
        }
        return new OptimizerSpec(type, params);
    }

    private ReadoutSpec readout(JsonNode r, Set<String> tensors) {
        if (r == null) {
            throw error("readout", "missing (e.g. {type: kmeans, in: h})");
        }
        keys(r, READOUT, "readout");
        String type = required(r, "type", "readout");
        Readout readout = registry.get(Kind.READOUT, type, where("readout.type"));
        String in = required(r, "in", "readout");
        if (!tensors.contains(in)) {
            throw error("readout.in", Names.unknown("tensor", in, tensors));
        }
        Map<String, Object> params = params(r.get("params"), "readout.params");
        ParamResolver.check(where("readout.params"), readout.params(), params, Set.of());
        String problem = readout.problem(ParamResolver.resolve(where("readout.params"), readout.params(),
                new java.util.LinkedHashMap<>(params), Map.of()));
        if (problem != null) {
            throw error("readout.params", problem);
        }
        return new ReadoutSpec(type, in, params);
    }

    /** Tensors evaluated once at the end, on all samples as one batch, and written to the results. */
    private List<TensorRef> report(JsonNode r, Set<String> tensors) {
        List<TensorRef> out = new ArrayList<>();
        if (r == null) {
            return out;
        }
        if (!r.isArray()) {
            throw error("report", "expected a list of tensor names, e.g. [w]");
        }
        for (int i = 0; i < r.size(); i++) {
            String t = r.get(i).asText();
            TensorRef ref = TensorRef.parse(t);
            if (!r.get(i).isTextual() || ref.all() || !tensors.contains(ref.base())) {
                throw error("report[" + i + "]", Names.unknown("tensor", t, tensors));
            }
            out.add(ref);
        }
        return out;
    }

    // ---- small helpers ----

    private String where(String key) {
        return source + ": " + key;
    }

    private String readerOption(JsonNode v, String at) {
        if (!v.isValueNode()) {
            throw error(at, "a reader option is a single value");
        }
        return v.asText();
    }

    private ConfigException error(String key, String msg) {
        return new ConfigException(where(key) + ": " + msg);
    }

    private void keys(JsonNode n, Set<String> allowed, String at) {
        if (n == null || !n.isObject()) {
            throw error(at.isEmpty() ? "(top)" : at, "expected a mapping");
        }
        n.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                throw error(at.isEmpty() ? k : at + "." + k, Names.unknown("key", k, allowed));
            }
        });
    }

    private void id(String id, String at) {
        if (!id.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw error(at, "ids are letters, digits and '_' and start with a letter");
        }
    }

    private JsonNode object(JsonNode tree, String key, String at) {
        JsonNode n = tree.get(key);
        if (n == null) {
            return Yaml.JSON.createObjectNode();
        }
        if (!n.isObject()) {
            throw error(key, "expected a mapping of id -> spec");
        }
        return n;
    }

    private String required(JsonNode n, String key, String at) {
        return required(n, key, at, JsonNode::isValueNode).asText();
    }

    private JsonNode required(JsonNode n, String key, String at, java.util.function.Predicate<JsonNode> ok) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw error(at + "." + key, "missing");
        }
        if (!ok.test(v)) {
            throw error(at + "." + key, "unexpected value " + v);
        }
        return v;
    }

    private String text(JsonNode n, String key, String at, String def) {
        JsonNode v = n.get(key);
        if (v == null) {
            return def;
        }
        if (!v.isValueNode()) {
            throw error(at.isEmpty() ? key : at + "." + key, "expected text");
        }
        return v.asText();
    }

    private boolean bool(JsonNode n, String key, String at) {
        JsonNode v = n.get(key);
        if (v == null) {
            return false;
        }
        if (v.isBoolean() || v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
            return v.asBoolean();
        }
        throw error(at + "." + key, "expected true or false, got " + v);
    }

    /** A number, or "${var}" naming a graph variable that holds one. */
    private double number(JsonNode v, String at) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        java.util.regex.Matcher ref = java.util.regex.Pattern.compile("\\$\\{(\\w+)}").matcher(v.asText().strip());
        if (ref.matches()) {
            String name = ref.group(1);
            if (!vars.containsKey(name)) {
                throw error(at, Names.unknown("graph variable", name, vars.keySet())
                        + (BUILTIN_VARS.contains(name) ? " ('" + name + "' is known only when the model is built)" : ""));
            }
            return number(Yaml.JSON.valueToTree(vars.get(name)), at + " (${" + name + "})");
        }
        try {
            return Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            throw error(at, "expected a number, got " + v);
        }
    }

    /** A loss weight: a number, or a graph variable as "${name}" or "-${name}" (e.g. a trade-off set with --set). */
    private double weight(JsonNode v, String at) {
        String t = v.asText().strip();
        double w = v.isTextual() && t.startsWith("-${") ? -number(Yaml.JSON.getNodeFactory().textNode(t.substring(1)), at) : number(v, at);
        if (!Double.isFinite(w)) {
            throw error(at, "expected a finite number, got " + v);
        }
        return w;
    }

    private int integer(JsonNode v, String at, int min) {
        double d = number(v, at);
        if (d != Math.rint(d) || d < min) {
            throw error(at, "expected an integer >= " + min + ", got " + v);
        }
        return (int) d;
    }

    private Map<String, String> wires(JsonNode n, String at) {
        Map<String, String> m = new LinkedHashMap<>();
        if (n == null) {
            return m;
        }
        if (!n.isObject()) {
            throw error(at, "expected a mapping port -> tensor, got " + n
                    + " (a parameter of the same name is set with " + at.replace(".in", ".params.in").replace(".out", ".params.out") + ")");
        }
        n.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw error(at + "." + e.getKey(), "expected a tensor name");
            }
            m.put(e.getKey(), e.getValue().asText());
        });
        return m;
    }

    private static Map<String, TensorRef> refs(Map<String, String> wires) {
        Map<String, TensorRef> m = new LinkedHashMap<>();
        wires.forEach((port, t) -> m.put(port, TensorRef.parse(t)));
        return m;
    }

    private Map<String, Object> params(JsonNode n, String at) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return m;
        }
        if (!n.isObject()) {
            throw error(at, "expected a mapping name -> value");
        }
        n.fields().forEachRemaining(e -> m.put(e.getKey(), plain(e.getValue())));
        return m;
    }

    static Object plain(JsonNode n) {
        return Yaml.JSON.convertValue(n, Object.class);
    }
}
