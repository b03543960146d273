package org.mvclust.losses;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Checks shared by the distribution losses. */
final class Distributions {
    private Distributions() {
    }

    static void sameShape(Operand<TFloat32> target, Operand<TFloat32> pred) {
        if (target.shape().numDimensions() != 2 || !target.shape().isCompatibleWith(pred.shape())) {
            throw new IllegalArgumentException("target " + target.shape() + " and pred " + pred.shape()
                    + " must both be samples × clusters");
        }
    }
}
