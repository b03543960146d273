package org.mvclust.encoders;

import java.util.List;
import java.util.Map;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Encoder;
import org.mvclust.api.Inputs;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** A convolutional decoder: a latent row reshaped to an image, upsampled and transposed-convolved, flattened back. */
public final class CnnDecoder implements Encoder {
    @Override
    public String name() {
        return "cnn_decoder";
    }

    @Override
    public String description() {
        return "Transposed convolutions and upsampling from a latent vector to a flat image: z -> layers -> flat out";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofString("layers", "cnn_small_decoder", "a preset or a list starting with reshape:C:H:W (or dense:N first): "
                        + ConvStack.ITEMS),
                ParamSpec.ofInt("out", 0, "width the flat output must have (the view's, \"${dim}\"); 0: not checked"),
                ParamSpec.ofString("init", "torch", "weight initialisation: " + ConvStack.INITS));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Operand<TFloat32> z = in.one("x");
        Operand<TFloat32> out = ConvStack.build(ctx, z, null, ConvStack.parse(p.getString("layers")), p.getString("init"));
        long width = out.shape().size(1);
        int want = p.getInt("out");
        if (want > 0 && width != want) {
            throw new IllegalArgumentException("layers make rows of " + width + " values, but out is " + want);
        }
        return Map.of("out", out);
    }
}
