package org.mvclust.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.mvclust.api.Block;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Initializer;
import org.mvclust.api.Inputs;
import org.mvclust.api.OdeSolver;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Builds blocks into one graph with plain variables for inputs, evaluates tensors and compares gradients with
 * central finite differences. For unit tests of plugins; close it after use.
 */
public final class BlockHarness implements AutoCloseable {
    private final Graph graph = new Graph();
    private final Ops tf = Ops.create(graph);
    private final Random rng;
    private final int clusters;
    private final int samples;
    private final Map<Operand<TFloat32>, long[]> shapes = new LinkedHashMap<>();
    private final Map<Operand<TFloat32>, Operand<TFloat32>> readOf = new LinkedHashMap<>();
    private final Map<Operand<TFloat32>, float[]> initial = new LinkedHashMap<>();
    private final List<Op> updates = new ArrayList<>();
    private final Map<String, OdeSolver> solvers = new LinkedHashMap<>();
    private final List<Operand<TFloat32>> trainables = new ArrayList<>();
    private final Map<String, Operand<TFloat32>> named = new LinkedHashMap<>();
    private final Operand<TBool> training;
    private final List<Op> keeps = new ArrayList<>();
    private Session session;
    private boolean train;
    private boolean stored;
    private Operand<TInt64> noiseSeed;

    public BlockHarness(int clusters, int samples, long seed) {
        this.clusters = clusters;
        this.samples = samples;
        this.rng = new Random(seed);
        this.training = tf.withName("training").placeholderWithDefault(tf.constant(false), Shape.scalar());
    }

    public Ops tf() {
        return tf;
    }

    /** Makes solvers available to blocks by name. */
    public BlockHarness withSolver(OdeSolver solver) {
        solvers.put(solver.name(), solver);
        return this;
    }

    /** The [2] int64 seed blocks built from now on get for their stateless noise (default: the constant {1, 2}). */
    public BlockHarness noiseSeed(Operand<TInt64> seed) {
        noiseSeed = seed;
        return this;
    }

    /**
     * Blocks built from now on read their kept statistics ({@code BuildContext.kept}) from variables, as in a graph
     * that labels new samples; otherwise they use the batch's, kept by {@link #store}.
     */
    public BlockHarness storedModel(boolean on) {
        stored = on;
        return this;
    }

    /** Keeps the batch statistics of the blocks built so far, as a {@code store} action does. */
    public void store() {
        Session.Runner r = session().runner();
        keeps.forEach(r::addTarget);
        r.run().close();
    }

    /** Evaluate with the training flag on (batch statistics, noise) or off. */
    public void training(boolean on) {
        train = on;
    }

    /**
     * An input tensor held in a variable (so gradients with respect to it can be checked), read through an Identity:
     * some of TensorFlow's C++ gradients (Square) crash on a variable's ref tensor.
     */
    public Operand<TFloat32> input(float[][] rows) {
        return read(variable(new long[] {rows.length, rows[0].length}, flat(rows)));
    }

    private static float[] flat(float[][] rows) {
        int c = rows[0].length;
        float[] flat = new float[rows.length * c];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * c, c);
        }
        return flat;
    }

    /** A random normal input (std 1) of the given shape, read like {@link #input}. */
    public Operand<TFloat32> randomInput(long... shape) {
        float[] v = new float[(int) Shape.of(shape).size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return read(variable(shape, v));
    }

    private Operand<TFloat32> read(Operand<TFloat32> var) {
        Operand<TFloat32> r = tf.identity(var);
        shapes.put(r, shapes.get(var));
        readOf.put(r, var);
        return r;
    }

    public Operand<TFloat32> variable(long[] shape, float[] values) {
        Variable<TFloat32> v = tf.variable(Shape.of(shape), TFloat32.class);
        shapes.put(v, shape);
        initial.put(v, values.clone());
        return v;
    }

    /** Builds a block: single ports from {@code one}, list ports from {@code many}; params over the block's defaults. */
    public Map<String, Operand<TFloat32>> build(Block block, Map<String, Operand<TFloat32>> one,
                                                Map<String, List<Operand<TFloat32>>> many, Map<String, Object> params) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec p : block.params()) {
            if (p.defaultValue() != null) {
                values.put(p.name(), p.defaultValue());
            }
        }
        values.putAll(params);
        Inputs inputs = new Inputs() {
            @Override
            public Operand<TFloat32> one(String port) {
                Operand<TFloat32> t = one.get(port);
                if (t == null) {
                    throw new IllegalArgumentException("port " + port + " not given");
                }
                return t;
            }

            @Override
            public List<Operand<TFloat32>> many(String port) {
                return many.get(port);
            }

            @Override
            public boolean has(String port) {
                return one.containsKey(port) || many.containsKey(port);
            }
        };
        return block.build(context(block.name()), inputs, new Params(values));
    }

    private BuildContext context(String scope) {
        Ops scoped = tf.withSubScope(scope);
        return new BuildContext() {
            @Override
            public Ops tf() {
                return scoped;
            }

            @Override
            public Operand<TFloat32> variable(String name, long[] shape, Initializer init) {
                Operand<TFloat32> v = BlockHarness.this.variable(shape, init.values(shape, rng));
                trainables.add(v);
                return remember(scope + "." + name, v);
            }

            @Override
            public Operand<TFloat32> state(String name, long[] shape, Initializer init) {
                return remember(scope + "." + name, BlockHarness.this.variable(shape, init.values(shape, rng)));
            }

            @Override
            public void onTrainStep(Op update) {
                updates.add(update);
            }

            @Override
            public Operand<TBool> training() {
                return training;
            }

            @Override
            public Operand<TInt64> noiseSeed() {
                return noiseSeed != null ? noiseSeed : scoped.constant(new long[] {1, 2});
            }

            @Override
            public int clusters() {
                return clusters;
            }

            @Override
            public int samples() {
                return samples;
            }

            @Override
            public Operand<TFloat32> kept(String name, long[] shape, Operand<TFloat32> ofBatch) {
                Operand<TFloat32> v = remember(scope + "." + name, BlockHarness.this.variable(shape, new float[(int) Shape.of(shape).size()]));
                if (stored) {
                    return v;
                }
                keeps.add(tf.assign(v, tf.reshape(ofBatch, tf.constant(shape))));
                return ofBatch;
            }

            @Override
            public OdeSolver solver(String name) {
                OdeSolver s = solvers.get(name);
                if (s == null) {
                    throw new IllegalArgumentException("unknown solver '" + name + "' (add it with withSolver)");
                }
                return s;
            }
        };
    }

    /** The trainable variables the built blocks created, in creation order (for small training loops in tests). */
    public List<Operand<TFloat32>> trainables() {
        return List.copyOf(trainables);
    }

    private Operand<TFloat32> remember(String name, Operand<TFloat32> v) {
        named.put(name, v);
        return v;
    }

    /** A variable or state a block made, by "blockname.name" (the last one of that name); set it with {@link #set}. */
    public Operand<TFloat32> variable(String name) {
        Operand<TFloat32> v = named.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no variable '" + name + "' (have " + named.keySet() + ")");
        }
        return v;
    }

    /** The values of a float tensor (row-major). Variables are initialised on first use. */
    public float[] eval(Operand<TFloat32> t) {
        try (TBool on = TBool.scalarOf(train);
             Result r = session().runner().feed(training, on).fetch(t).run()) {
            TFloat32 out = (TFloat32) r.get(0);
            float[] v = new float[(int) out.shape().size()];
            out.asRawTensor().data().asFloats().read(v);
            return v;
        }
    }

    public double scalar(Operand<TFloat32> t) {
        return eval(t)[0];
    }

    /** Runs the blocks' training-step updates (e.g. moving averages) once, with the training flag on. */
    public void runUpdates() {
        try (TBool on = TBool.scalarOf(true)) {
            Session.Runner r = session().runner().feed(training, on);
            updates.forEach(r::addTarget);
            r.run().close();
        }
    }

    /** Sets a variable made by {@link #input} or {@link #variable} to these rows. */
    public void set(Operand<TFloat32> input, float[][] rows) {
        set(input, flat(rows));
    }

    /** Sets a variable made by {@link #input} or {@link #variable}. */
    public void set(Operand<TFloat32> input, float[] values) {
        long[] shape = shapes.get(input);
        Operand<TFloat32> var = readOf.getOrDefault(input, input);
        try (TFloat32 t = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false))) {
            Placeholder<TFloat32> p = feeds.computeIfAbsent(var, k -> tf.placeholder(TFloat32.class));
            Op a = assigns.computeIfAbsent(var, k -> tf.assign(var, p));
            session().runner().feed(p, t).addTarget(a).run().close();
        }
    }

    private final Map<Operand<TFloat32>, Placeholder<TFloat32>> feeds = new LinkedHashMap<>();
    private final Map<Operand<TFloat32>, Op> assigns = new LinkedHashMap<>();

    /** A scalar Σ y ⊙ w with a fixed random w of y's shape: checks every entry of y's gradient at once. */
    public Operand<TFloat32> probe(Operand<TFloat32> y) {
        Operand<TFloat32> w = randomInput(y.shape().asArray());
        return tf.sum(tf.reshape(tf.math.mul(y, w), tf.constant(new long[] {-1})), tf.constant(0));
    }

    /**
     * The largest difference between TensorFlow's gradient of the scalar {@code loss} with respect to {@code wrt}
     * and central finite differences with step {@code eps}, relative to max(1, |gradient|).
     */
    public double gradientError(Operand<TFloat32> loss, Operand<TFloat32> wrt, double eps) {
        var g = tf.gradients(loss, List.of(wrt));
        Operand<TFloat32> grad = g.dy(0);
        float[] analytic = eval(grad);
        float[] x = eval(wrt);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            float keep = x[i];
            x[i] = (float) (keep + eps);
            set(wrt, x);
            double up = scalar(loss);
            x[i] = (float) (keep - eps);
            set(wrt, x);
            double down = scalar(loss);
            x[i] = keep;
            set(wrt, x);
            double numeric = (up - down) / (2 * eps);
            worst = Math.max(worst, Math.abs(numeric - analytic[i]) / Math.max(1.0, Math.abs(analytic[i])));
        }
        return worst;
    }

    /** The session, with every variable made since the last call initialised. */
    private Session session() {
        if (session == null) {
            session = new Session(graph);
        }
        if (initialised < initial.size()) {
            List<Map.Entry<Operand<TFloat32>, float[]>> fresh = new ArrayList<>(initial.entrySet()).subList(initialised, initial.size());
            initialised = initial.size();
            for (Map.Entry<Operand<TFloat32>, float[]> e : fresh) {
                set(e.getKey(), e.getValue());
            }
        }
        return session;
    }

    private int initialised;

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
        graph.close();
    }
}
