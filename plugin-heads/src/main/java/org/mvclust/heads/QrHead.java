package org.mvclust.heads;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Head;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.mvclust.api.Port;
import org.mvclust.nn.Layers;
import org.mvclust.nn.Masks;
import org.tensorflow.Operand;
import org.tensorflow.op.linalg.Qr;
import org.tensorflow.types.TFloat32;

/**
 * An orthogonal clustering projection: y = x·W + b (samples × out), then Q of the reduced QR of y, so the output has
 * orthonormal columns (QᵀQ = I). Gradients flow through the QR. Needs at least {@code out} samples per batch. With
 * {@code mask}, the QR of the present rows alone: absent rows of y are zeroed first and are zero in the output.
 */
public final class QrHead implements Head {
    public static final String NAME = "qr";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Linear map to out columns, then the Q factor of a reduced QR (orthonormal columns)";
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.one("x", "representation, samples × features"), Masks.VIEW_PORT);
    }

    @Override
    public List<String> outputs() {
        return List.of("out", "y");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInt("out", 0, "number of output columns; 0 = the number of clusters"),
                ParamSpec.ofBoolean("linear", true, "apply the linear map first; false orthogonalises x itself"),
                ParamSpec.ofChoice("init", "he", Layers.INITS, "initialisation of the linear map (torch: uniform in ±1/sqrt(in))"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        QrGradient.register();
        Operand<TFloat32> y = in.one("x");
        if (p.getBoolean("linear")) {
            int out = p.getInt("out") > 0 ? p.getInt("out") : ctx.clusters();
            y = Layers.dense(ctx, "l0", y, out, p.getString("init"));
        }
        // Q = Y R⁻¹, so zero rows of Y are zero rows of Q (up to rounding, hence the second product)
        Operand<TFloat32> rows = in.has("mask") ? ctx.tf().math.mul(y, in.one("mask")) : y;
        Qr<TFloat32> qr = ctx.tf().linalg.qr(rows, Qr.fullMatrices(false));
        // Qr's shape inference leaves the columns unknown when the rows are; a reshape states them
        Operand<TFloat32> q = ctx.tf().reshape(qr.q(), ctx.tf().constant(new long[] {-1, y.shape().size(1)}));
        if (in.has("mask")) {
            q = ctx.tf().math.mul(q, in.one("mask"));
        }
        return Map.of("out", q, "y", y);
    }
}
