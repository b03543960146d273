package org.mvclust.runtime.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A variable the run owns (weights, optimizer slots, buffers): its stable name, shape, first values, and the
 * placeholder + assign op through which it is set at start and on resume.
 */
public record StateVar(String name, long[] shape, Operand<TFloat32> variable, Placeholder<TFloat32> feed, Op assign,
                       float[] initial) {
}
