package org.mvclust.runtime.graph;

import java.util.List;
import java.util.Random;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Initializer;
import org.mvclust.api.OdeSolver;
import org.mvclust.runtime.plugin.Kind;
import org.mvclust.runtime.plugin.Registry;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** The build context of one node instance (a node, or one view of a per-view node). */
final class NodeContext implements BuildContext {
    private final ModelBuilder builder;
    private final Ops tf;
    private final String prefix;
    private final List<StateVar> owned;
    private final List<Op> updates;
    private final Random rng;
    private final Registry registry;

    NodeContext(ModelBuilder builder, Ops tf, String prefix, List<StateVar> owned, List<Op> updates, long seed,
                Registry registry) {
        this.updates = updates;
        this.builder = builder;
        this.tf = tf;
        this.prefix = prefix;
        this.owned = owned;
        this.rng = new Random(seed ^ prefix.hashCode() * 0x9E3779B97F4A7C15L);
        this.registry = registry;
    }

    @Override
    public Ops tf() {
        return tf;
    }

    @Override
    public Operand<TFloat32> variable(String name, long[] shape, Initializer init) {
        StateVar v = builder.newState(prefix + "." + name, shape, init.values(shape, rng));
        owned.add(v);
        return v.variable();
    }

    @Override
    public Operand<TFloat32> state(String name, long[] shape, Initializer init) {
        return builder.newState(prefix + "." + name, shape, init.values(shape, rng)).variable();
    }

    @Override
    public void onTrainStep(Op update) {
        updates.add(update);
    }

    @Override
    public int samples() {
        return builder.samples();
    }

    @Override
    public Operand<TBool> training() {
        return builder.training();
    }

    @Override
    public Operand<TInt64> noiseSeed() {
        return builder.noiseSeed();
    }

    @Override
    public int clusters() {
        return builder.clusters();
    }

    @Override
    public Operand<TFloat32> kept(String name, long[] shape, Operand<TFloat32> ofBatch) {
        return builder.kept(prefix + "." + name, shape, ofBatch);
    }

    @Override
    public OdeSolver solver(String name) {
        return registry.get(Kind.SOLVER, name, prefix);
    }
}
