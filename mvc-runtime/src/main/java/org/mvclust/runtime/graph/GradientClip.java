package org.mvclust.runtime.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Gradient clipping of a training step. */
final class GradientClip {
    private GradientClip() {
    }

    /** Rescales gradients so that their joint L2 norm is at most {@code clip}. */
    static List<Operand<TFloat32>> byGlobalNorm(Ops tf, List<Operand<TFloat32>> grads, double clip) {
        List<Operand<TFloat32>> squares = new ArrayList<>();
        for (Operand<TFloat32> g : grads) {
            squares.add(tf.sum(tf.math.square(g), tf.range(tf.constant(0), tf.rank(g), tf.constant(1))));
        }
        Operand<TFloat32> norm = tf.math.sqrt(tf.math.addN(squares));
        Operand<TFloat32> c = tf.constant((float) clip);
        Operand<TFloat32> scale = tf.math.div(c, tf.math.maximum(norm, c));
        List<Operand<TFloat32>> out = new ArrayList<>();
        for (Operand<TFloat32> g : grads) {
            out.add(tf.math.mul(g, scale));
        }
        return out;
    }
}
