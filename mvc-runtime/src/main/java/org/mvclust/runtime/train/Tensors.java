package org.mvclust.runtime.train;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Copies between Java arrays and tensors (the caller closes every tensor). */
final class Tensors {
    private Tensors() {
    }

    static TFloat32 of(float[] values, long[] shape) {
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
    }

    static TInt32 of(int[] values, int from, int to) {
        int[] slice = from == 0 && to == values.length ? values : java.util.Arrays.copyOfRange(values, from, to);
        return TInt32.tensorOf(Shape.of(slice.length), DataBuffers.of(slice, true, false));
    }

    static float[] floats(Tensor t) {
        TFloat32 f = (TFloat32) t;
        float[] out = new float[Math.toIntExact(f.size())];
        f.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    static float scalar(Tensor t) {
        return ((TFloat32) t).getFloat();
    }
}
