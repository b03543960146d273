package org.mvclust.encoders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mvclust.api.Block;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Initializer;
import org.mvclust.api.Inputs;
import org.mvclust.api.OdeSolver;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** A block built with the harness's context but a given noise seed, recording the variables it creates. */
final class Wrapped implements Block {
    final List<Operand<TFloat32>> variables = new ArrayList<>();
    private final Block inner;
    private final Operand<TInt64> seed;

    Wrapped(Block inner, Operand<TInt64> seed) {
        this.inner = inner;
        this.seed = seed;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public List<ParamSpec> params() {
        return inner.params();
    }

    @Override
    public List<Port> inputs() {
        return inner.inputs();
    }

    @Override
    public List<String> outputs() {
        return inner.outputs();
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params params) {
        return inner.build(new BuildContext() {
            @Override
            public Ops tf() {
                return ctx.tf();
            }

            @Override
            public Operand<TFloat32> variable(String name, long[] shape, Initializer init) {
                Operand<TFloat32> v = ctx.variable(name, shape, init);
                variables.add(v);
                return v;
            }

            @Override
            public Operand<TFloat32> state(String name, long[] shape, Initializer init) {
                return ctx.state(name, shape, init);
            }

            @Override
            public void onTrainStep(Op update) {
                ctx.onTrainStep(update);
            }

            @Override
            public Operand<TBool> training() {
                return ctx.training();
            }

            @Override
            public Operand<TInt64> noiseSeed() {
                return seed == null ? ctx.noiseSeed() : seed;
            }

            @Override
            public int clusters() {
                return ctx.clusters();
            }

            @Override
            public int samples() {
                return ctx.samples();
            }

            @Override
            public OdeSolver solver(String name) {
                return ctx.solver(name);
            }
        }, in, params);
    }
}
