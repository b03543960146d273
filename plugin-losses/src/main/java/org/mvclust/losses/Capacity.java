package org.mvclust.losses;

import java.util.List;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Initializer;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Multi-VAE's capacity-controlled KL (DeepMVC's MVAECont/MVAEDisc): |KL − C(t)| with C(t) = min(C, t·C/steps), t the
 * number of training steps this loss has taken, counted by the loss itself (DeepMVC counts a step before its loss, so the
 * n-th step uses t = n; evaluation uses the steps taken). Then times {@code scale}.
 */
final class Capacity {
    static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.ofDouble("capacity", 0.0, "final capacity C of |KL - C(t)|; 0: the plain KL"),
            ParamSpec.ofInt("capacity_steps", 25000, "training steps over which C(t) grows linearly from 0 to C"),
            ParamSpec.ofDouble("scale", 1.0, "factor on the term (Multi-VAE: \"${1 / dim}\" per view)"));

    private Capacity() {
    }

    static Operand<TFloat32> apply(BuildContext ctx, Operand<TFloat32> kl, double capacity, Params p) {
        Ops tf = ctx.tf();
        Operand<TFloat32> out = kl;
        if (capacity < 0 || !Double.isFinite(capacity)) {
            throw new IllegalArgumentException("capacity must be 0 or more, not " + capacity);
        }
        if (capacity > 0) {
            int steps = p.getInt("capacity_steps");
            if (steps < 1) {
                throw new IllegalArgumentException("capacity_steps must be at least 1, not " + steps);
            }
            Operand<TFloat32> taken = ctx.state("steps_taken", new long[] {1}, Initializer.zeros());
            Operand<TFloat32> t = tf.math.add(tf.sum(taken, tf.constant(0)), tf.dtypes.cast(ctx.training(), TFloat32.class));
            Operand<TFloat32> c = tf.math.minimum(tf.constant((float) capacity),
                    tf.math.mul(t, tf.constant((float) (capacity / steps))));
            out = tf.math.abs(tf.math.sub(kl, c));
            // after the step has read the count
            ctx.onTrainStep(tf.withControlDependencies(List.of(out)).assignAdd(taken, tf.constant(new float[] {1f})));
        }
        double scale = p.getDouble("scale");
        return scale == 1.0 ? out : tf.math.mul(tf.constant((float) scale), out);
    }
}
