package org.mvclust.runtime.graph;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/** Floating-point work of training steps (counted from the graph's matrix products) and the machine's matmul rate. */
public final class Flops {
    private Flops() {
    }

    /**
     * Multiply-add FLOPs (2·m·k·n per product) of every MatMul a run of {@code target} executes, forward and backward,
     * with unknown dimensions taken as {@code batch}.
     */
    public static long perRun(Op target, int batch) {
        Set<GraphOperation> seen = new HashSet<>();
        ArrayDeque<GraphOperation> todo = new ArrayDeque<>();
        todo.add((GraphOperation) target.op());
        long flops = 0;
        while (!todo.isEmpty()) {
            GraphOperation op = todo.poll();
            if (!seen.add(op)) {
                continue;
            }
            if (op.type().equals("MatMul")) {
                long[] out = dims(op.output(0).shape(), batch);
                long[] a = dims(op.input(0).shape(), batch);
                if (out.length == 2 && a.length == 2) {
                    long k = a[0] == out[0] ? a[1] : a[0];
                    flops += 2 * out[0] * out[1] * k;
                }
            }
            for (int i = 0; i < op.numInputs(); i++) {
                todo.add((GraphOperation) op.input(i).op());
            }
            todo.addAll(op.controlInputs());
        }
        return flops;
    }

    private static long[] dims(Shape s, int batch) {
        if (s.isUnknown()) {
            return new long[0];
        }
        long[] d = new long[s.numDimensions()];
        for (int i = 0; i < d.length; i++) {
            d[i] = s.size(i) < 0 ? batch : s.size(i);
        }
        return d;
    }

    /** FLOP/s of an n×n by n×n float32 product through TensorFlow on this machine, best of several runs. */
    public static double matmulRate(int n, int threads) {
        ConfigProto config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(threads).build();
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> a = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(n, n)));
            Operand<TFloat32> p = tf.linalg.matMul(a, a);
            Operand<TFloat32> sum = tf.sum(p, tf.constant(new int[] {0, 1}));
            float[] v = new float[n * n];
            java.util.Random r = new java.util.Random(1);
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) r.nextGaussian();
            }
            double best = Double.MAX_VALUE;
            try (Session s = new Session(g, config);
                 TFloat32 x = TFloat32.tensorOf(Shape.of(n, n), org.tensorflow.ndarray.buffer.DataBuffers.of(v, true, false))) {
                for (int rep = 0; rep < 6; rep++) {
                    long t0 = System.nanoTime();
                    try (Result res = s.runner().feed(a, x).fetch(sum).run()) {
                        if (rep > 0) {
                            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                        }
                    }
                }
            }
            return 2.0 * n * n * n / best;
        }
    }
}
