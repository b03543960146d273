package org.mvclust.runtime.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvclust.nn.FanIn;
import org.mvclust.api.Optimizer;
import org.mvclust.api.Params;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.GraphSpec.StepSpec;
import org.mvclust.runtime.plugin.Kind;
import org.mvclust.runtime.plugin.Registry;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Compiles training steps once the nodes are built: the weighted objective, gradients of the trained nodes' variables,
 * gradient norms, clipping, each parameter group's optimizer updates, and the blocks' own state updates.
 */
final class StepCompiler {
    /** Makes a state variable kept in checkpoints (the builder's {@code newState}). */
    @FunctionalInterface
    interface StateMaker {
        StateVar make(String name, long[] shape, float[] initial);
    }

    private final Ops tf;
    private final Registry registry;
    private final String source;
    private final Map<String, List<StateVar>> owned;
    private final Map<String, List<Op>> updates;
    private final StateMaker state;

    /** {@code owned}: each node's variables; {@code updates}: each node's state updates, run by steps that reach them. */
    StepCompiler(Ops tf, Registry registry, String source, Map<String, List<StateVar>> owned, Map<String, List<Op>> updates,
                 StateMaker state) {
        this.tf = tf;
        this.registry = registry;
        this.source = source;
        this.owned = owned;
        this.updates = updates;
        this.state = state;
    }

    /** The step {@code index} of phase {@code phase}: its target op and the losses (and norms) it reports. */
    Model.Step compile(StepSpec s, String phase, int index, Map<String, Operand<TFloat32>> losses) {
        String where = source + ": phase " + phase + " step " + index;
        Ops st = tf.withSubScope("train_" + phase.replaceAll("[^A-Za-z0-9_]", "_") + "_" + index);
        List<Operand<TFloat32>> terms = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Operand<TFloat32>> values = new ArrayList<>();
        s.losses().forEach((id, w) -> {
            names.add(id);
            values.add(losses.get(id));
            terms.add(w == 1.0 ? losses.get(id) : st.math.mul(st.constant(w.floatValue()), losses.get(id)));
        });
        Operand<TFloat32> total = terms.size() == 1 ? terms.get(0) : st.math.addN(terms);
        Set<GraphOperation> reach = GraphWalk.ancestors(total, false);
        List<StateVar> trained = new ArrayList<>();
        List<Integer> groupOf = new ArrayList<>();
        List<GraphSpec.OptimizerSpec> groups = new ArrayList<>(s.train().values());
        int gi = 0;
        for (String id : s.train().keySet()) {
            List<StateVar> vs = owned.getOrDefault(id, List.of()).stream()
                    .filter(v -> reach.contains((GraphOperation) v.variable().op())).toList();
            if (vs.isEmpty()) {
                throw new ConfigException(where + ": node '" + id + "' has no variables that the losses "
                        + s.losses().keySet() + " depend on");
            }
            trained.addAll(vs);
            for (int i = 0; i < vs.size(); i++) {
                groupOf.add(gi);
            }
            gi++;
        }
        List<Operand<TFloat32>> vars = trained.stream().map(StateVar::variable).toList();
        var grads = st.gradients(total, vars);
        List<Operand<TFloat32>> g = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            g.add(grads.<TFloat32>dy(i));
        }
        List<String> ids = new ArrayList<>(s.train().keySet());
        Map<String, List<Operand<TFloat32>>> norms = new LinkedHashMap<>();
        for (int i = 0; i < trained.size(); i++) {
            if (s.gradNorms().contains(ids.get(groupOf.get(i)))) {
                String name = trained.get(i).name();
                Operand<TFloat32> sq = st.sum(st.math.square(st.reshape(g.get(i), st.constant(new long[] {-1}))), st.constant(0));
                norms.computeIfAbsent("grad_norm." + name.substring(0, name.indexOf('.')), k -> new ArrayList<>()).add(sq);
            }
        }
        if (s.clip() > 0) {
            g = GradientClip.byGlobalNorm(st, g, s.clip());
        }
        // Every gradient is computed before any variable changes: the backward pass reads the weights it updates.
        Ops apply = st.withControlDependencies(new ArrayList<Op>(g));
        List<Op> applied = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < trained.size(); i++) {
                if (groupOf.get(i) == k) {
                    idx.add(i);
                }
            }
            String slotPrefix = "opt." + phase + "." + index + "." + k + ".";
            List<Operand<TFloat32>> gk = g;
            GraphSpec.OptimizerSpec o = groups.get(k);
            Optimizer optimizer = registry.get(Kind.OPTIMIZER, o.type(), where);
            applied.add(optimizer.apply(apply, idx.stream().map(i -> new Optimizer.Trained(vars.get(i), gk.get(i),
                            trained.get(i).shape(), trained.get(i).name())).toList(), new Params(o.params()),
                    (name, shape, value) -> state.make(slotPrefix + name, shape, filled(shape, value)).variable()));
        }
        for (List<Op> ups : updates.values()) {
            for (Op u : ups) {
                GraphOperation op = (GraphOperation) u.op();
                for (int i = 0; i < op.numInputs(); i++) {
                    if (reach.contains((GraphOperation) op.input(i).op())) {
                        applied.add(u);
                        break;
                    }
                }
            }
        }
        Op target = st.withControlDependencies(applied).noOp();
        if (terms.size() > 1) {
            names.add("total");
            values.add(total);
        }
        int at = 0;
        for (Map.Entry<String, List<Operand<TFloat32>>> e : norms.entrySet()) {
            // in front: the trainer takes a step's last value as its objective
            names.add(at, e.getKey());
            values.add(at++, st.math.sqrt(FanIn.sum(st, e.getValue())));
        }
        return new Model.Step(target, names, values);
    }

    private static float[] filled(long[] shape, float value) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] a = new float[Math.toIntExact(n)];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
