package org.mvclust.runtime.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mvclust.api.Matrix;
import org.mvclust.api.Params;
import org.mvclust.api.Readout;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.GraphSpec.PhaseSpec;
import org.mvclust.runtime.config.ParamResolver;
import org.mvclust.runtime.config.TensorRef;
import org.mvclust.runtime.config.Yaml;
import org.mvclust.runtime.eval.KMeans;
import org.mvclust.runtime.eval.Metrics;
import org.mvclust.runtime.graph.Flops;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.StateVar;
import org.mvclust.runtime.plugin.Kind;
import org.mvclust.runtime.plugin.Registry;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Runs the phases of a built model: seeded shuffles, mini-batches, the steps of each batch in order, per-epoch
 * history, checkpoints, and the final readout. One session, one graph; nothing is rebuilt per step.
 */
public final class Trainer {
    /**
     * How to run: seed, threads, checkpointing (every {@code checkpointEvery} epochs and at phase ends, but not within
     * {@code checkpointSeconds} of the previous checkpoint), evaluation cadence, where to report.
     */
    public record Options(long seed, int threads, Path checkpoint, int checkpointEvery, double checkpointSeconds, boolean resume,
                          int evalEvery, Progress progress, Profile profile, String device) {
        public Options(long seed, int threads, Path checkpoint, int checkpointEvery, boolean resume, int evalEvery,
                       Progress progress, Profile profile) {
            this(seed, threads, checkpoint, checkpointEvery, 0, resume, evalEvery, progress, profile, "auto");
        }

        public Options(long seed, int threads, Path checkpoint, int checkpointEvery, boolean resume, int evalEvery,
                       Progress progress) {
            this(seed, threads, checkpoint, checkpointEvery, 0, resume, evalEvery, progress, new Profile(), "auto");
        }
    }

    /** What a run produced. */
    /**
     * {@code finalLoss}: the last trained epoch's mean over batches of the summed step objectives (NaN if none);
     * {@code report}: the graph's report tensors (a number, or a list of numbers in row-major order).
     */
    public record Outcome(int[] labels, Matrix embedding, List<Map<String, Object>> history, List<Map<String, Object>> steps,
                          double finalLoss, double trainFlops, double trainSeconds, double readoutSeconds,
                          Map<String, Object> report) {
    }

    private record Exec(String key, String label, PhaseSpec phase) {
    }

    private final Model model;
    private final GraphSpec spec;
    private final Readout readout;
    private final Params readoutParams;
    private final int clusters;
    private final int[] truth;
    private final int samples;
    private final Options opt;
    private final String fingerprint;
    private final List<Exec> schedule = new ArrayList<>();
    private final List<Map<String, Object>> history = new ArrayList<>();
    private final List<Map<String, Object>> steps = new ArrayList<>();
    private long globalStep;
    private double trainFlops;
    private long lastCheckpoint = System.nanoTime();
    /** Counts changes to the model's state (steps and actions); the last evaluation's readout is reused while it holds. */
    private long version;
    private long evaluatedAt = -1;
    private Matrix evaluatedEmb;
    private int[] evaluatedLabels;
    private final Map<String, Double> flopCache = new java.util.HashMap<>();
    private final Map<String, Integer> traced = new java.util.HashMap<>();

    public Trainer(Model model, GraphSpec spec, Registry registry, int samples, int clusters, int[] truth,
                   Options opt, String fingerprint) {
        this.model = model;
        this.spec = spec;
        this.readout = registry.get(Kind.READOUT, spec.readout().type(), spec.source() + ": readout.type");
        this.readoutParams = ParamResolver.resolve(spec.source() + ": readout.params", readout.params(),
                spec.readout().params(), Map.of());
        this.samples = samples;
        this.clusters = clusters;
        this.truth = truth;
        this.opt = opt;
        this.fingerprint = fingerprint;
        flatten(spec.phases(), "", "", schedule);
    }

    private static void flatten(List<PhaseSpec> phases, String key, String label, List<Exec> out) {
        for (PhaseSpec p : phases) {
            if (p.isGroup()) {
                for (int r = 0; r < p.repeat(); r++) {
                    flatten(p.children(), key + p.name() + "/", label + p.name() + (p.repeat() > 1 ? (r + 1) : "") + "/", out);
                }
            } else {
                out.add(new Exec(key + p.name(), label + p.name(), p));
            }
        }
    }

    public long totalEpochs() {
        return schedule.stream().mapToLong(e -> e.phase().epochs()).sum();
    }

    public Outcome run() {
        ConfigProto config = sessionConfig(opt);
        opt.progress().total(totalEpochs());
        try (Session session = new Session(model.graph(), config)) {
            int startExec = 0;
            int startEpoch = 0;
            long tf0 = System.nanoTime();
            initialise(session, model.data(), null);
            opt.profile().add("data feeding", System.nanoTime() - tf0);
            Checkpoint ck = opt.resume() ? loadCheckpoint() : null;
            initialise(session, model.state(), ck == null ? null : ck.values());
            if (ck != null) {
                startExec = ck.header().get("exec").asInt();
                startEpoch = ck.header().get("epoch").asInt();
                globalStep = ck.header().get("step").asLong();
                ck.header().get("history").forEach(r -> history.add(Yaml.JSON.convertValue(r, Map.class)));
                ck.header().get("steps").forEach(r -> steps.add(Yaml.JSON.convertValue(r, Map.class)));
                long done = 0;
                for (int i = 0; i < startExec; i++) {
                    done += schedule.get(i).phase().epochs();
                }
                opt.progress().resumedAt(done + startEpoch);
                opt.progress().message("resumed from " + opt.checkpoint() + " at " + position(startExec, startEpoch));
            }
            long t0 = System.nanoTime();
            for (int e = startExec; e < schedule.size(); e++) {
                runExec(session, e, e == startExec ? startEpoch : 0);
            }
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            boolean fresh = evaluatedAt == version;
            Matrix emb = fresh ? evaluatedEmb : evaluate(session);
            int[] labels = fresh ? evaluatedLabels : readout.labels(emb, clusters, opt.seed(), readoutParams);
            opt.profile().add("readout", System.nanoTime() - t1);
            double finalLoss = Double.NaN;
            for (int i = history.size() - 1; i >= 0 && Double.isNaN(finalLoss); i--) {
                Object v = history.get(i).get("loss");
                finalLoss = v instanceof Number n ? n.doubleValue() : Double.NaN;
            }
            double readoutSeconds = (System.nanoTime() - t1) / 1e9;
            return new Outcome(labels, emb, history, steps, finalLoss, trainFlops, trainSeconds, readoutSeconds, report(session));
        }
    }

    /** Threads, and the device: auto (a GPU if TensorFlow sees one), cpu, or gpu:N. */
    static ConfigProto sessionConfig(Options opt) {
        ConfigProto.Builder b = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(opt.threads()).setInterOpParallelismThreads(opt.threads());
        String d = opt.device() == null ? "auto" : opt.device();
        if (d.equals("cpu")) {
            b.putDeviceCount("GPU", 0);
        } else if (d.matches("gpu:\\d+")) {
            b.setGpuOptions(org.tensorflow.proto.GPUOptions.newBuilder().setVisibleDeviceList(d.substring(4)).setAllowGrowth(true));
            requireGpu(d, b.build());
        } else if (!d.equals("auto")) {
            throw new ConfigException("--device " + d + ": expected auto, cpu or gpu:N");
        }
        return b.build();
    }

    /** Fails unless TensorFlow can place an op on the requested GPU (it would otherwise run on the CPU unannounced). */
    private static void requireGpu(String device, ConfigProto config) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g).withDevice(DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build());
            Operand<TFloat32> one = tf.identity(tf.constant(1f));
            try (Session s = new Session(g, config); Result r = s.runner().fetch(one).run()) {
                return;
            } catch (RuntimeException e) {
                throw new ConfigException("--device " + device + ": TensorFlow sees no such GPU (the GPU natives come with "
                        + "mvn -Pgpu package and need an NVIDIA driver; --device cpu or auto runs on the CPU): " + e.getMessage());
            }
        }
    }

    private String position(int exec, int epoch) {
        return exec >= schedule.size() ? "the end" : "phase " + schedule.get(exec).label() + ", epoch " + epoch;
    }

    private void runExec(Session session, int execIndex, int fromEpoch) {
        Exec exec = schedule.get(execIndex);
        PhaseSpec phase = exec.phase();
        List<Model.Step> phaseSteps = model.steps().get(exec.key());
        int batch = phase.batch() == 0 || phase.batch() > samples ? samples : phase.batch();
        int end = phase.dropLast() ? samples - samples % batch : samples;
        if (fromEpoch == 0) {
            for (Model.Action a : model.actions().getOrDefault(exec.key(), List.of())) {
                long ta = System.nanoTime();
                act(session, a, execIndex);
                opt.profile().add("actions (" + (a instanceof Model.Store ? "store" : "k-means") + ")", System.nanoTime() - ta);
            }
        }
        for (int epoch = fromEpoch; epoch < phase.epochs(); epoch++) {
            long t0 = System.nanoTime();
            int[] order = permutation(execIndex, epoch);
            Map<String, double[]> sums = new LinkedHashMap<>();
            sums.put("loss", new double[2]);
            int batches = 0;
            for (int from = 0; from < end; from += batch) {
                int to = Math.min(samples, from + batch);
                Map<String, Object> stepRow = new LinkedHashMap<>();
                stepRow.put("step", globalStep);
                stepRow.put("phase", exec.label());
                stepRow.put("epoch", epoch + 1);
                try (TInt32 idx = Tensors.of(order, from, to); TBool on = TBool.scalarOf(true)) {
                    int first = phase.cycle() ? batches % phaseSteps.size() : 0;
                    int last = phase.cycle() ? first + 1 : phaseSteps.size();
                    for (int s = first; s < last; s++) {
                        Model.Step step = phaseSteps.get(s);
                        try (TInt64 seed = TInt64.vectorOf(opt.seed(), globalStep)) {
                            Session.Runner r = session.runner().feed(model.index(), idx).feed(model.training(), on)
                                    .feed(model.noiseSeed(), seed).addTarget(step.target());
                            step.lossValues().forEach(r::fetch);
                            // the first run of a step at a batch size reports its tensors' shapes, to count its FLOPs
                            String flopKey = step.target().op().name() + "@" + (to - from);
                            Double flops = flopCache.get(flopKey);
                            int runs = traced.merge(step.target().op().name(), 1, Integer::sum);
                            boolean opTimes = opt.profile().opTimes() && runs > 1 && runs <= 1 + Profile.TRACED_STEPS;
                            long ts = System.nanoTime();
                            try (Result res = flops == null || opTimes ? r.setOptions(Flops.traced()).runAndFetchMetadata() : r.run()) {
                                opt.profile().add("training steps", System.nanoTime() - ts);
                                if (opTimes) {
                                    res.getMetadata().ifPresent(opt.profile()::addOps);
                                }
                                if (flops == null) {
                                    flops = (double) Flops.perRun(step.target(), to - from,
                                            res.getMetadata().map(Flops::shapes).orElse(Map.of()));
                                    flopCache.put(flopKey, flops);
                                }
                                trainFlops += flops;
                                for (int i = 0; i < step.lossNames().size(); i++) {
                                    String name = (phaseSteps.size() > 1 ? "s" + s + "." : "") + step.lossNames().get(i);
                                    double v = Tensors.scalar(res.get(i));
                                    if (!Double.isFinite(v)) {
                                        throw new IllegalStateException("loss " + name + " became " + v + " in phase "
                                                + exec.label() + ", epoch " + (epoch + 1) + " (step " + globalStep + ")");
                                    }
                                    double[] sum = sums.computeIfAbsent(name, k -> new double[2]);
                                    sum[0] += v;
                                    sum[1]++;
                                    stepRow.put(name, v);
                                    if (i == step.lossNames().size() - 1) {
                                        sums.get("loss")[0] += v;
                                    }
                                }
                            }
                        }
                    }
                }
                steps.add(stepRow);
                globalStep++;
                version++;
                batches++;
            }
            Map<String, Double> means = new LinkedHashMap<>();
            int nb = batches;
            // a step's losses are averaged over the batches that ran it (with cycle, a fraction of them);
            // "loss" over all batches
            sums.forEach((k, v) -> means.put(k, v[0] / (k.equals("loss") ? nb : v[1])));
            boolean last = epoch + 1 == phase.epochs();
            Map<String, Double> metrics = null;
            if (truth != null && (last || opt.evalEvery() > 0 && (epoch + 1) % opt.evalEvery() == 0)) {
                long te = System.nanoTime();
                evaluatedEmb = evaluate(session);
                evaluatedLabels = readout.labels(evaluatedEmb, clusters, opt.seed(), readoutParams);
                evaluatedAt = version;
                metrics = Metrics.all(truth, evaluatedLabels);
                opt.profile().add("evaluation", System.nanoTime() - te);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("phase", exec.label());
            row.put("epoch", epoch + 1);
            row.put("seconds", (System.nanoTime() - t0) / 1e9);
            row.putAll(means);
            if (metrics != null) {
                row.putAll(metrics);
            }
            history.add(row);
            opt.progress().epoch(exec.label(), epoch + 1, phase.epochs(), means, metrics);
            boolean periodic = opt.checkpointEvery() > 0 && (epoch + 1) % opt.checkpointEvery() == 0;
            boolean due = (System.nanoTime() - lastCheckpoint) / 1e9 >= opt.checkpointSeconds();
            if (opt.checkpoint() != null && (periodic || last) && due) {
                long tc = System.nanoTime();
                saveCheckpoint(session, last ? execIndex + 1 : execIndex, last ? 0 : epoch + 1);
                opt.profile().add("checkpoints", System.nanoTime() - tc);
            }
        }
    }

    private void act(Session session, Model.Action action, int execIndex) {
        version++;
        int[] all = new int[samples];
        for (int i = 0; i < samples; i++) {
            all[i] = i;
        }
        if (action instanceof Model.Store st) {
            try (TInt32 idx = TInt32.vectorOf(all)) {
                Session.Runner r = session.runner().feed(model.index(), idx);
                st.assigns().forEach(r::addTarget);
                r.run().close();
            }
            return;
        }
        Model.Cluster c = (Model.Cluster) action;
        for (int j = 0; j < c.inputs().size(); j++) {
            Matrix x = evaluate(session, c.inputs().get(j));
            StateVar cv = c.centroids().get(j);
            KMeans.Result res;
            if (c.warm()) {
                float[] init;
                try (Result r = session.runner().fetch(cv.variable()).run()) {
                    init = Tensors.floats(r.get(0));
                }
                res = KMeans.fit(x, new Matrix(c.k(), x.cols(), init), c.maxIter(), 1e-4);
            } else {
                res = KMeans.fit(x, c.k(), c.restarts(), c.maxIter(), 1e-4,
                        opt.seed() * 0x9E3779B97F4A7C15L + execIndex * 7919L + j);
            }
            if (cv != null) {
                assign(session, cv, res.centroids().data());
            }
            if (c.labels() != null) {
                float[] onehot = new float[Math.multiplyExact(samples, c.k())];
                for (int i = 0; i < samples; i++) {
                    onehot[i * c.k() + res.labels()[i]] = 1f;
                }
                assign(session, c.labels(), onehot);
            }
        }
    }

    private static void assign(Session session, StateVar v, float[] values) {
        try (TFloat32 t = Tensors.of(values, v.shape())) {
            session.runner().feed(v.feed(), t).addTarget(v.assign()).run().close();
        }
    }

    /** The order of samples in one epoch: a function of (seed, phase, epoch) only, so a resumed run sees the same. */
    private int[] permutation(int exec, int epoch) {
        int[] order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(opt.seed() * 0x9E3779B97F4A7C15L + exec * 1_000_003L + epoch);
        for (int i = samples - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The report tensors, each evaluated in evaluation mode with all samples as one batch. */
    private Map<String, Object> report(Session session) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (spec.report().isEmpty()) {
            return out;
        }
        int[] all = new int[samples];
        for (int i = 0; i < samples; i++) {
            all[i] = i;
        }
        try (TInt32 idx = TInt32.vectorOf(all)) {
            for (TensorRef ref : spec.report()) {
                String name = ref.toString();
                org.tensorflow.Operand<TFloat32> t = model.tensors().get(ref.key());
                if (t == null) {
                    throw new ConfigException(spec.source() + ": report: '" + name + "' has one tensor per view; write "
                            + name + "[0] for one");
                }
                float[] v;
                try (Result r = session.runner().feed(model.index(), idx).fetch(t).run()) {
                    v = Tensors.floats(r.get(0));
                }
                if (v.length > 10_000) {
                    throw new ConfigException(spec.source() + ": report: '" + name + "' has " + v.length
                            + " values; report small tensors (at most 10000 values)");
                }
                List<Double> values = new ArrayList<>();
                for (float x : v) {
                    values.add((double) x);
                }
                out.put(name, values.size() == 1 ? values.get(0) : values);
            }
        }
        return out;
    }

    /** The readout tensor for all samples, in evaluation mode. */
    public Matrix evaluate(Session session) {
        return evaluate(session, model.readout());
    }

    Matrix evaluate(Session session, org.tensorflow.Operand<TFloat32> tensor) {
        int chunk = samples <= 50_000 ? samples : 8192;
        float[] out = null;
        int cols = 0;
        int[] all = new int[samples];
        for (int i = 0; i < samples; i++) {
            all[i] = i;
        }
        for (int from = 0; from < samples; from += chunk) {
            int to = Math.min(samples, from + chunk);
            try (TInt32 idx = Tensors.of(all, from, to);
                 Result r = session.runner().feed(model.index(), idx).fetch(tensor).run()) {
                Tensor t = r.get(0);
                if (t.shape().numDimensions() != 2) {
                    throw new ConfigException(spec.source() + ": readout.in must be samples × features, got shape " + t.shape());
                }
                float[] part = Tensors.floats(t);
                if (out == null) {
                    cols = (int) t.shape().size(1);
                    out = new float[Math.multiplyExact(samples, cols)];
                }
                System.arraycopy(part, 0, out, from * cols, part.length);
            }
        }
        return new Matrix(samples, cols, out);
    }

    private static void initialise(Session session, List<StateVar> vars, Map<String, float[]> values) {
        List<Tensor> fed = new ArrayList<>();
        try {
            Session.Runner r = session.runner();
            for (StateVar v : vars) {
                float[] x = values == null ? v.initial() : values.get(v.name());
                TFloat32 t = Tensors.of(x, v.shape());
                fed.add(t);
                r.feed(v.feed(), t).addTarget(v.assign());
            }
            r.run().close();
        } finally {
            fed.forEach(Tensor::close);
        }
    }

    private Checkpoint loadCheckpoint() {
        if (opt.checkpoint() == null || !opt.checkpoint().toFile().exists()) {
            opt.progress().message("no checkpoint to resume from; starting from the beginning");
            return null;
        }
        Checkpoint ck;
        try {
            ck = Checkpoint.read(opt.checkpoint());
        } catch (IOException e) {
            throw new ConfigException("cannot resume: " + e.getMessage(), e);
        }
        if (!fingerprint.equals(ck.header().path("fingerprint").asText())) {
            throw new ConfigException("cannot resume: " + opt.checkpoint() + " was written by a different run "
                    + "(method, overrides, dataset or seed differ); use a new --out or drop --resume");
        }
        for (StateVar v : model.state()) {
            float[] x = ck.values().get(v.name());
            if (x == null || x.length != v.initial().length) {
                throw new ConfigException("cannot resume: " + opt.checkpoint() + " lacks variable " + v.name()
                        + " or has it with another size");
            }
        }
        return ck;
    }

    private void saveCheckpoint(Session session, int exec, int epoch) {
        lastCheckpoint = System.nanoTime();
        Map<String, float[]> values = new LinkedHashMap<>();
        List<StateVar> vars = model.state();
        for (int from = 0; from < vars.size(); from += 64) {
            List<StateVar> part = vars.subList(from, Math.min(vars.size(), from + 64));
            Session.Runner r = session.runner();
            part.forEach(v -> r.fetch(v.variable()));
            try (Result res = r.run()) {
                for (int i = 0; i < part.size(); i++) {
                    values.put(part.get(i).name(), Tensors.floats(res.get(i)));
                }
            }
        }
        ObjectNode header = Yaml.JSON.createObjectNode();
        header.put("fingerprint", fingerprint);
        header.put("exec", exec);
        header.put("epoch", epoch);
        header.put("step", globalStep);
        header.put("position", position(exec, epoch));
        ArrayNode h = header.putArray("history");
        history.forEach(row -> h.add((JsonNode) Yaml.JSON.valueToTree(row)));
        ArrayNode s = header.putArray("steps");
        steps.forEach(row -> s.add((JsonNode) Yaml.JSON.valueToTree(row)));
        try {
            new Checkpoint(header, values).write(opt.checkpoint());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + opt.checkpoint() + ": " + e.getMessage(), e);
        }
    }
}
