package org.mvclust.losses;

import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The gradient of TensorFlow's {@code TopKV2} (missing in TensorFlow Java): the upstream gradient of the values is
 * scattered back to the positions the indices name, as in TensorFlow's Python {@code _TopKGrad}. Float input, int32
 * indices. Needed even when the values are only used behind a stop-gradient, because TensorFlow's C++ gradient
 * builder visits every op reachable from the variables.
 */
public final class TopKGradient {
    private static boolean registered;

    private TopKGradient() {
    }

    /** Registers the gradient once per process; call before gradients of a graph with a TopKV2 op are built. */
    public static synchronized void register() {
        if (!registered) {
            TensorFlow.registerCustomGradient("TopKV2", TopKGradient::gradient);
            registered = true;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Operand<?>> gradient(Ops tf, GraphOperation op, List<Output<?>> grads) {
        Operand<TFloat32> input = (Operand<TFloat32>) op.input(0);
        Output<TInt32> indices = op.<TInt32>output(1);
        Operand<TFloat32> grad = (Operand<TFloat32>) grads.get(0);
        Operand<TInt32> inShape = tf.shape(input);
        Operand<TInt32> last = tf.constant(new int[] {-1});
        Operand<TInt32> inLast = tf.gather(inShape, last, tf.constant(0));
        Operand<TInt32> k = tf.gather(tf.shape(indices), last, tf.constant(0));
        Operand<TInt32> ind2d = tf.reshape(indices, tf.concat(List.of(last, k), tf.constant(0)));
        Operand<TInt32> rows = tf.gather(tf.shape(ind2d), tf.constant(new int[] {0}), tf.constant(0));
        Operand<TInt32> size = tf.reshape(tf.math.mul(rows, inLast), tf.constant(new int[0]));
        Operand<TInt32> offsets = tf.expandDims(tf.range(tf.constant(0), size,
                tf.reshape(inLast, tf.constant(new int[0]))), tf.constant(-1));
        Operand<TInt32> flat = tf.reshape(tf.math.add(ind2d, offsets), tf.constant(new int[] {-1, 1}));
        Operand<TFloat32> scattered = tf.scatterNd(flat, tf.reshape(grad, last), tf.reshape(size, tf.constant(new int[] {1})));
        return List.of(tf.reshape(scattered, inShape), tf.constant(0));
    }
}
