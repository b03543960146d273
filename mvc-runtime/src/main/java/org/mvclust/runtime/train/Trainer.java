package org.mvclust.runtime.train;

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
import org.mvclust.runtime.config.Yaml;
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
import org.tensorflow.types.TFloat32;

/**
 * Runs the phases of a built model: actions at a phase's start, then seeded shuffles into mini-batches whose steps a
 * {@link StepRunner} executes, per-epoch history, and the final readout. Evaluation and checkpoints attach as
 * {@link TrainingListener}s, FLOP counts and profiling as {@link StepListener}s. One session, one graph.
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
    private final BatchSizes batchSizes;
    private final Readout readout;
    private final Params readoutParams;
    private final int clusters;
    private final int samples;
    private final Options opt;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private final Checkpoints checkpoints;
    private final FlopCount flops = new FlopCount();
    private final List<Exec> schedule = new ArrayList<>();
    private final List<Map<String, Object>> history = new ArrayList<>();
    private final List<Map<String, Object>> steps = new ArrayList<>();
    private long globalStep;
    /** Counts changes to the model's state (steps and actions); the last readout is reused while it holds. */
    private long version;
    private long evaluatedAt = -1;
    private Matrix evaluatedEmb;
    private int[] evaluatedLabels;

    /**
     * {@code listeners} watch the epochs (e.g. evaluation against known classes); checkpoints come from the options.
     * {@code fingerprint} identifies the run in its checkpoints; further space-separated ones (the same run spelt with
     * former component names) are accepted on resume.
     */
    public Trainer(Model model, GraphSpec spec, Registry registry, int samples, int clusters, Options opt,
                   String fingerprint, List<? extends TrainingListener> listeners) {
        this.model = model;
        this.spec = spec;
        this.readout = registry.get(Kind.READOUT, spec.readout().type(), spec.source() + ": readout.type");
        this.readoutParams = ParamResolver.resolve(spec.source() + ": readout.params", readout.params(),
                spec.readout().params(), Map.of());
        this.samples = samples;
        this.clusters = clusters;
        this.opt = opt;
        this.listeners.addAll(listeners);
        this.checkpoints = opt.checkpoint() == null ? null : new Checkpoints(opt.checkpoint(), opt.checkpointEvery(),
                opt.checkpointSeconds(), model, fingerprint, opt.profile());
        if (checkpoints != null) {
            this.listeners.add(checkpoints);
        }
        flatten(spec.phases(), "", "", schedule);
        List<Long> widths = model.tensors().entrySet().stream().filter(e -> e.getKey().matches("x\\.\\d+"))
                .map(e -> e.getValue().shape().size(1)).toList();
        this.batchSizes = new BatchSizes(spec, samples, clusters, widths.size(),
                (int) widths.stream().mapToLong(Long::longValue).sum());
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

    /** What runs once training is done, in the run's session: given the readout's input and the labels. */
    public interface End {
        void trained(Session session, Matrix readoutInput, int[] labels);
    }

    private End atEnd;

    /** Calls {@code end} after the final readout, before the session closes (the model directory is written there). */
    public Trainer atEnd(End end) {
        this.atEnd = end;
        return this;
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
            Checkpoint ck = null;
            if (opt.resume()) {
                if (checkpoints == null) {
                    opt.progress().message("no checkpoint to resume from; starting from the beginning");
                } else {
                    ck = checkpoints.load(opt.progress());
                }
            }
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
            StepRunner runner = new StepRunner(session, model, opt.seed(), List.of(new StepTimes(opt.profile()), flops));
            long t0 = System.nanoTime();
            for (int e = startExec; e < schedule.size(); e++) {
                runExec(session, runner, e, e == startExec ? startEpoch : 0);
            }
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            int[] labels = labels(session);
            Matrix emb = evaluatedEmb;
            if (atEnd != null) {
                atEnd.trained(session, emb, labels);
            }
            opt.profile().add("readout", System.nanoTime() - t1);
            double finalLoss = Double.NaN;
            for (int i = history.size() - 1; i >= 0 && Double.isNaN(finalLoss); i--) {
                Object v = history.get(i).get("loss");
                finalLoss = v instanceof Number n ? n.doubleValue() : Double.NaN;
            }
            double readoutSeconds = (System.nanoTime() - t1) / 1e9;
            return new Outcome(labels, emb, history, steps, finalLoss, flops.total(), trainSeconds, readoutSeconds,
                    allSamples(session, 0).report(spec.report()));
        }
    }

    /** Threads, and the device: auto (a GPU if TensorFlow sees one), cpu, or gpu:N. */
    public static ConfigProto sessionConfig(Options opt) {
        // per-session pools: by default every session of the process shares the first one's inter-op pool, which
        // serialises runs trained side by side in one JVM (bench tasks on Spark)
        ConfigProto.Builder b = ConfigProto.newBuilder().setUsePerSessionThreads(true)
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

    private void runExec(Session session, StepRunner runner, int execIndex, int fromEpoch) {
        Exec exec = schedule.get(execIndex);
        PhaseSpec phase = exec.phase();
        List<Model.Step> phaseSteps = model.steps().get(exec.key());
        int batch = batchSizes.of(phase);
        int end = phase.dropLast() ? samples - samples % batch : samples;
        if (fromEpoch == 0) {
            AllSamples ctx = allSamples(session, opt.seed() * 0x9E3779B97F4A7C15L + execIndex * 7919L);
            for (Model.Action a : model.actions().getOrDefault(exec.key(), List.of())) {
                long ta = System.nanoTime();
                version++;
                a.run(ctx);
                opt.profile().add("actions (" + a.name() + ")", System.nanoTime() - ta);
            }
        }
        for (int epoch = fromEpoch; epoch < phase.epochs(); epoch++) {
            long t0 = System.nanoTime();
            int[] order = permutation(execIndex, epoch);
            EpochSums sums = new EpochSums();
            for (int from = 0; from < end; from += batch) {
                int to = Math.min(samples, from + batch);
                int first = phase.cycle() ? sums.batches() % phaseSteps.size() : 0;
                int last = phase.cycle() ? first + 1 : phaseSteps.size();
                steps.add(runner.run(exec.label(), epoch + 1, globalStep, phaseSteps, first, last, order, from, to, sums));
                globalStep++;
                version++;
                sums.batchDone();
            }
            Map<String, Double> means = sums.means();
            boolean last = epoch + 1 == phase.epochs();
            Map<String, Double> metrics = null;
            if (last || opt.evalEvery() > 0 && (epoch + 1) % opt.evalEvery() == 0) {
                long te = System.nanoTime();
                Map<String, Double> columns = new LinkedHashMap<>();
                listeners.forEach(l -> columns.putAll(l.evaluate(() -> labels(session))));
                if (!columns.isEmpty()) {
                    metrics = columns;
                    opt.profile().add("evaluation", System.nanoTime() - te);
                }
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
            int resumeExec = last ? execIndex + 1 : execIndex;
            int resumeEpoch = last ? 0 : epoch + 1;
            TrainingListener.EpochEnd done = new TrainingListener.EpochEnd(session, epoch + 1, last, resumeExec, resumeEpoch,
                    position(resumeExec, resumeEpoch), globalStep, history, steps);
            listeners.forEach(l -> l.epochEnd(done));
        }
    }

    /** The readout's labels of the current state, computed once per state. */
    private int[] labels(Session session) {
        if (evaluatedAt != version) {
            evaluatedEmb = allSamples(session, 0).evaluate(model.readout());
            evaluatedLabels = readout.labels(evaluatedEmb, clusters, opt.seed(), readoutParams);
            evaluatedAt = version;
        }
        return evaluatedLabels;
    }

    private AllSamples allSamples(Session session, long seedBase) {
        return new AllSamples(session, model, samples, spec.source(), seedBase);
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

}
