package org.mvclust.runtime.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.mvclust.api.Matrix;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.TensorRef;
import org.mvclust.runtime.graph.ActionContext;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.StateVar;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Whole-dataset work in a run's session, in evaluation mode: actions, the readout's input and the report tensors. */
final class AllSamples implements ActionContext {
    private final Session session;
    private final Model model;
    private final int samples;
    private final String source;
    private final long seedBase;

    /** {@code seedBase}: the seed of an action's first random stream. */
    AllSamples(Session session, Model model, int samples, String source, long seedBase) {
        this.session = session;
        this.model = model;
        this.samples = samples;
        this.source = source;
        this.seedBase = seedBase;
    }

    @Override
    public int samples() {
        return samples;
    }

    @Override
    public long seed(int j) {
        return seedBase + j;
    }

    @Override
    public void runOnAll(List<Op> targets) {
        try (TInt32 idx = TInt32.vectorOf(all())) {
            Session.Runner r = session.runner().feed(model.index(), idx);
            targets.forEach(r::addTarget);
            r.run().close();
        }
    }

    @Override
    public float[] read(StateVar v) {
        try (Result r = session.runner().fetch(v.variable()).run()) {
            return Tensors.floats(r.get(0));
        }
    }

    @Override
    public void assign(StateVar v, float[] values) {
        try (TFloat32 t = Tensors.of(values, v.shape())) {
            session.runner().feed(v.feed(), t).addTarget(v.assign()).run().close();
        }
    }

    /** The tensor for all samples (in chunks beyond 50000), as samples × features. */
    @Override
    public Matrix evaluate(Operand<TFloat32> tensor) {
        int chunk = samples <= 50_000 ? samples : 8192;
        float[] out = null;
        int cols = 0;
        int[] all = all();
        for (int from = 0; from < samples; from += chunk) {
            int to = Math.min(samples, from + chunk);
            try (TInt32 idx = Tensors.of(all, from, to);
                 Result r = session.runner().feed(model.index(), idx).fetch(tensor).run()) {
                Tensor t = r.get(0);
                if (t.shape().numDimensions() != 2) {
                    throw new ConfigException(source + ": readout.in must be samples × features, got shape " + t.shape());
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

    /** The report tensors, each evaluated with all samples as one batch: a number, or a list in row-major order. */
    Map<String, Object> report(List<TensorRef> refs) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        try (TInt32 idx = TInt32.vectorOf(all())) {
            for (TensorRef ref : refs) {
                String name = ref.toString();
                Operand<TFloat32> t = model.tensors().get(ref.key());
                if (t == null) {
                    throw new ConfigException(source + ": report: '" + name + "' has one tensor per view; write "
                            + name + "[0] for one");
                }
                float[] v;
                try (Result r = session.runner().feed(model.index(), idx).fetch(t).run()) {
                    v = Tensors.floats(r.get(0));
                }
                if (v.length > 10_000) {
                    throw new ConfigException(source + ": report: '" + name + "' has " + v.length
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

    private int[] all() {
        int[] all = new int[samples];
        for (int i = 0; i < samples; i++) {
            all[i] = i;
        }
        return all;
    }
}
