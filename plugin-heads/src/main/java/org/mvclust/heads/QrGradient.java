package org.mvclust.heads;

import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.linalg.TriangularSolve;
import org.tensorflow.types.TFloat32;

/**
 * The gradient of TensorFlow's {@code Qr} op, which TensorFlow Java lacks: the standard formula for the reduced QR of
 * a tall or square matrix A = QR (m ≥ n, one m × n float matrix), as in TensorFlow's Python {@code _QrGrad}:
 * dA = Q (dR + tril(QᵀdQ − dQᵀQ + R dRᵀ − dR Rᵀ) R⁻ᵀ) + (dQ − Q QᵀdQ) R⁻ᵀ.
 */
public final class QrGradient {
    private static boolean registered;

    private QrGradient() {
    }

    /** Registers the gradient once per process; call before gradients of a graph with a Qr op are built. */
    public static synchronized void register() {
        if (!registered) {
            TensorFlow.registerCustomGradient("Qr", QrGradient::gradient);
            registered = true;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Operand<?>> gradient(Ops tf, GraphOperation op, List<Output<?>> grads) {
        if (op.attributes().getAttrBool("full_matrices")) {
            throw new IllegalArgumentException("Qr gradient: only the reduced QR (full_matrices=false) is supported");
        }
        // no shape queries here: they wait for the graph lock that the gradient builder holds
        Output<TFloat32> q = op.<TFloat32>output(0);
        Output<TFloat32> r = op.<TFloat32>output(1);
        Operand<TFloat32> dq = grads.get(0) == null ? tf.zerosLike(q) : (Operand<TFloat32>) grads.get(0);
        Operand<TFloat32> dr = grads.get(1) == null ? tf.zerosLike(r) : (Operand<TFloat32>) grads.get(1);
        Operand<TFloat32> qdq = tf.linalg.matMul(q, dq, MatMul.transposeA(true));
        Operand<TFloat32> rdr = tf.linalg.matMul(r, dr, MatMul.transposeB(true));
        Operand<TFloat32> skew = tf.math.add(tf.math.sub(qdq, t(tf, qdq)), tf.math.sub(rdr, t(tf, rdr)));
        Operand<TFloat32> tril = tf.linalg.bandPart(skew, tf.constant(-1), tf.constant(0));
        Operand<TFloat32> a = tf.linalg.matMul(q, tf.math.add(dr, solveRt(tf, tril, r)));
        Operand<TFloat32> b = solveRt(tf, tf.math.sub(dq, tf.linalg.matMul(q, qdq)), r);
        return List.of(tf.math.add(a, b));
    }

    /** x R⁻ᵀ for upper-triangular R, as (R⁻¹ xᵀ)ᵀ. */
    private static Operand<TFloat32> solveRt(Ops tf, Operand<TFloat32> x, Operand<TFloat32> r) {
        return t(tf, tf.linalg.triangularSolve(r, t(tf, x), TriangularSolve.lower(false), TriangularSolve.adjoint(false)));
    }

    private static Operand<TFloat32> t(Ops tf, Operand<TFloat32> x) {
        return tf.linalg.transpose(x, tf.constant(new int[] {1, 0}));
    }
}
