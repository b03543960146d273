package org.mvclust.runtime.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvclust.runtime.graph.Flops;
import org.mvclust.runtime.graph.Model;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** Runs the steps of one mini-batch: feeds it, fetches the losses, refuses non-finite ones, adds them to the epoch sums. */
final class StepRunner {
    private final Session session;
    private final Model model;
    private final long seed;
    private final List<StepListener> listeners;

    StepRunner(Session session, Model model, long seed, List<StepListener> listeners) {
        this.session = session;
        this.model = model;
        this.seed = seed;
        this.listeners = listeners;
    }

    /** Steps {@code first..last-1} of a phase on rows {@code order[from..to)}; returns the batch's row of steps.csv. */
    Map<String, Object> run(String phase, int epoch, long step, List<Model.Step> steps, int first, int last, int[] order,
                            int from, int to, EpochSums sums) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", step);
        row.put("phase", phase);
        row.put("epoch", epoch);
        int rows = to - from;
        try (TInt32 idx = Tensors.of(order, from, to); TBool on = TBool.scalarOf(true)) {
            for (int s = first; s < last; s++) {
                Model.Step st = steps.get(s);
                try (TInt64 noise = TInt64.vectorOf(seed, step)) {
                    Session.Runner r = session.runner().feed(model.index(), idx).feed(model.training(), on)
                            .feed(model.noiseSeed(), noise).addTarget(st.target());
                    st.lossValues().forEach(r::fetch);
                    boolean trace = false;
                    for (StepListener l : listeners) {
                        trace |= l.trace(st, rows);
                    }
                    long t0 = System.nanoTime();
                    try (Result res = trace ? r.setOptions(Flops.traced()).runAndFetchMetadata() : r.run()) {
                        long nanos = System.nanoTime() - t0;
                        RunMetadata meta = trace ? res.getMetadata().orElse(null) : null;
                        for (StepListener l : listeners) {
                            l.ran(st, rows, nanos, meta);
                        }
                        for (int i = 0; i < st.lossNames().size(); i++) {
                            String name = (steps.size() > 1 ? "s" + s + "." : "") + st.lossNames().get(i);
                            double v = Tensors.scalar(res.get(i));
                            if (!Double.isFinite(v)) {
                                throw new IllegalStateException("loss " + name + " became " + v + " in phase "
                                        + phase + ", epoch " + epoch + " (step " + step + ")");
                            }
                            sums.add(name, v, i == st.lossNames().size() - 1);
                            row.put(name, v);
                        }
                    }
                }
            }
        }
        return row;
    }
}
