package org.mvclust.runtime.graph;

import java.util.HashMap;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.NodeOutput;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.TFloat32;

/** Floating-point work of training steps (counted from the graph's matrix products) and the machine's matmul rate. */
public final class Flops {
    private Flops() {
    }

    /**
     * Multiply-add FLOPs (2·m·k·n per product) of every MatMul a run of {@code target} executes, forward and backward,
     * with a size that no operand's static shape knows taken as {@code batch}.
     */
    public static long perRun(Op target, int batch) {
        return perRun(target, batch, Map.of());
    }

    /** As {@link #perRun(Op, int)}, with the operands' sizes taken first from {@code actual} (see {@link #shapes}). */
    public static long perRun(Op target, int batch, Map<String, long[]> actual) {
        long flops = 0;
        for (GraphOperation op : GraphWalk.ancestors(target, true)) {
            if (op.type().equals("MatMul")) {
                flops += matMul(op, batch, actual);
            }
        }
        return flops;
    }

    /** 2·m·k·n, each size from whichever of the operands and the result knows it (transposes honoured), else batch. */
    static long matMul(GraphOperation op, int batch, Map<String, long[]> actual) {
        boolean ta = op.attributes().getAttrBool("transpose_a");
        boolean tb = op.attributes().getAttrBool("transpose_b");
        Shape a = shape(op.input(0), actual);
        Shape b = shape(op.input(1), actual);
        Shape out = shape(op.output(0), actual);
        long m = known(batch, size(out, 0), size(a, ta ? 1 : 0));
        long n = known(batch, size(out, 1), size(b, tb ? 0 : 1));
        long k = known(batch, size(a, ta ? 0 : 1), size(b, tb ? 1 : 0));
        return 2 * m * n * k;
    }

    private static Shape shape(Output<?> o, Map<String, long[]> actual) {
        long[] d = actual.get(o.op().name() + ":" + o.index());
        return d != null ? Shape.of(d) : o.shape();
    }

    /** Run options that make a run report the shape of every tensor it produced. */
    public static RunOptions traced() {
        return RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.SOFTWARE_TRACE).build();
    }

    /** The shapes of the tensors a traced run produced, by "op:output". */
    public static Map<String, long[]> shapes(RunMetadata metadata) {
        Map<String, long[]> out = new HashMap<>();
        for (DeviceStepStats d : metadata.getStepStats().getDevStatsList()) {
            for (NodeExecStats n : d.getNodeStatsList()) {
                for (NodeOutput o : n.getOutputList()) {
                    TensorShapeProto t = o.getTensorDescription().getShape();
                    if (!t.getUnknownRank()) {
                        out.put(n.getNodeName() + ":" + o.getSlot(), t.getDimList().stream().mapToLong(TensorShapeProto.Dim::getSize).toArray());
                    }
                }
            }
        }
        return out;
    }

    private static long size(Shape s, int i) {
        return s.isUnknown() || s.numDimensions() != 2 ? -1 : s.size(i);
    }

    private static long known(int batch, long... sizes) {
        for (long s : sizes) {
            if (s >= 0) {
                return s;
            }
        }
        return batch;
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
