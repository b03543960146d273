package org.mvclust.api;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The tensors wired to a block's ports. */
public interface Inputs {
    /** The tensor on a single port; throws if the port is a list port or unwired. */
    Operand<TFloat32> one(String port);

    /** The tensors on a list port, in view order. */
    List<Operand<TFloat32>> many(String port);

    /** Whether an optional port is wired. */
    boolean has(String port);
}
