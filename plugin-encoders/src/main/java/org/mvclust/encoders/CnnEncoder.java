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

/** A convolutional encoder: each row is read as a C×H×W image, run through a layer list and flattened. */
public final class CnnEncoder implements Encoder {
    @Override
    public String name() {
        return "cnn";
    }

    @Override
    public String description() {
        return "Convolutions, pooling, batch norm on image views (rows of C×H×W values): x -> layers -> flat out";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofString("layers", "cnn_small", "a preset or a list such as 'conv:32:5, relu, pool:2, flatten': " + ConvStack.ITEMS),
                ParamSpec.ofInts("image", List.of(), "C, H, W of each row (row-major); empty: one channel, square"),
                ParamSpec.ofString("init", "torch", "weight initialisation: " + ConvStack.INITS
                        + " (torch: U(±1/sqrt(fan_in)) for weights and biases; he: normal, zero biases)"));
    }

    @Override
    public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
        Operand<TFloat32> x = in.one("x");
        List<ConvStack.Layer> layers = ConvStack.parse(p.getString("layers"));
        int[] hwc = image(p.getInts("image"), x.shape().size(1));
        return Map.of("out", ConvStack.build(ctx, ConvStack.image(ctx.tf(), x, hwc), hwc, layers, p.getString("init")));
    }

    /** {H, W, C} from the image parameter, checked against the input width; inferred as one square channel if empty. */
    static int[] image(List<Integer> chw, long width) {
        if (width <= 0) {
            throw new IllegalArgumentException("input width unknown");
        }
        if (chw.isEmpty()) {
            int side = (int) Math.round(Math.sqrt(width));
            if ((long) side * side != width) {
                throw new IllegalArgumentException("input width " + width + " is not a square image; set image: [C, H, W]");
            }
            return new int[] {side, side, 1};
        }
        if (chw.size() != 3 || chw.stream().anyMatch(v -> v <= 0)) {
            throw new IllegalArgumentException("image: expected three positive numbers [C, H, W], got " + chw);
        }
        long size = (long) chw.get(0) * chw.get(1) * chw.get(2);
        if (size != width) {
            throw new IllegalArgumentException("image " + chw + " holds " + size + " values but the input rows have " + width);
        }
        return new int[] {chw.get(1), chw.get(2), chw.get(0)};
    }
}
