package org.mvclust.methods;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.StateVar;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Which state variables one training step changes, for the preset tests. */
final class StepProbe {
    private StepProbe() {
    }

    /** Runs {@code step} once on the first {@code samples} samples and names the state variables whose values changed. */
    static Set<String> changedBy(Session session, Model model, Model.Step step, int samples) {
        Map<String, float[]> before = snapshot(session, model);
        int[] rows = new int[samples];
        Arrays.setAll(rows, i -> i);
        try (TInt32 idx = TInt32.vectorOf(rows); TBool on = TBool.scalarOf(true)) {
            session.runner().feed(model.index(), idx).feed(model.training(), on).addTarget(step.target()).run().close();
        }
        Map<String, float[]> after = snapshot(session, model);
        Set<String> changed = new TreeSet<>();
        before.forEach((name, v) -> {
            if (!Arrays.equals(v, after.get(name))) {
                changed.add(name);
            }
        });
        return changed;
    }

    private static Map<String, float[]> snapshot(Session session, Model model) {
        Map<String, float[]> out = new LinkedHashMap<>();
        Session.Runner runner = session.runner();
        model.state().forEach(v -> runner.fetch(v.variable()));
        try (Result r = runner.run()) {
            for (int i = 0; i < model.state().size(); i++) {
                Tensor t = r.get(i);
                float[] x = new float[(int) t.shape().size()];
                t.asRawTensor().data().asFloats().read(x);
                out.put(model.state().get(i).name(), x);
            }
        }
        return out;
    }

    /** Gives every state and data variable of {@code model} its initial value. */
    static void initialise(Session session, Model model) {
        List<StateVar> all = new ArrayList<>(model.data());
        all.addAll(model.state());
        List<TFloat32> fed = new ArrayList<>();
        Session.Runner r = session.runner();
        for (StateVar v : all) {
            TFloat32 t = TFloat32.tensorOf(Shape.of(v.shape()), DataBuffers.of(v.initial(), true, false));
            fed.add(t);
            r.feed(v.feed(), t).addTarget(v.assign());
        }
        r.run().close();
        fed.forEach(TFloat32::close);
    }
}
