package org.mvclust.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

class FlopsTest {
    /**
     * A dense layer x·W (x: batch × 5, W: 5 × 3) and the gradient of sum(x·W) with respect to W; with {@code traced},
     * one run on a batch of that many rows supplies the sizes.
     */
    private static long denseStep(Shape xShape, int batch, boolean traced) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(xShape));
            Variable<TFloat32> w = tf.variable(tf.zeros(tf.constant(new long[] {5, 3}), TFloat32.class));
            Operand<TFloat32> y = tf.linalg.matMul(x, w);
            Operand<TFloat32> loss = tf.sum(y, tf.constant(new int[] {0, 1}));
            Operand<TFloat32> dw = tf.gradients(loss, List.of(w)).dy(0);
            Op target = tf.assignSub(w, dw);
            if (!traced) {
                return Flops.perRun(target, batch);
            }
            try (Session s = new Session(g); TFloat32 rows = TFloat32.tensorOf(Shape.of(xShape.size(0) < 0 ? batch : xShape.size(0), 5))) {
                s.initialize();
                try (Result r = s.runner().feed(x, rows).addTarget(target).setOptions(Flops.traced()).runAndFetchMetadata()) {
                    return Flops.perRun(target, 1000, Flops.shapes(r.getMetadata().orElseThrow()));
                }
            }
        }
    }

    private static long denseStep(Shape xShape, int batch) {
        return denseStep(xShape, batch, false);
    }

    @Test
    void staticShapesGiveTheSizesTheyKnowAndTheBatchForTheRest() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
            Placeholder<TFloat32> w = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(5, 3)));
            // the inner size comes from the second operand, the rows from the batch
            assertThat(Flops.perRun(tf.linalg.matMul(x, w), 7)).isEqualTo(2L * 7 * 5 * 3);
        }
    }

    @Test
    void aTracedRunGivesTheSizesStaticShapesLack() {
        assertThat(denseStep(Shape.of(4, 5), 4, true)).isEqualTo(2L * 2 * 4 * 5 * 3);
        // static shapes alone: dW = xᵀ·dy has dy of unknown width, counted as the batch (7) instead of 3
        assertThat(denseStep(Shape.of(-1, -1), 7)).isGreaterThan(2L * 2 * 7 * 5 * 3);
        assertThat(denseStep(Shape.of(-1, -1), 7, true)).isEqualTo(2L * 2 * 7 * 5 * 3);
    }

    @Test
    void honoursTransposes() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> a = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 6)));
            Placeholder<TFloat32> b = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
            Operand<TFloat32> p = tf.linalg.matMul(a, b, MatMul.transposeA(true));
            assertThat(Flops.perRun(p, 9)).isEqualTo(2L * 6 * 2 * 9);
        }
    }
}
