package org.mvclust.encoders;

import org.mvclust.nn.Layers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Initializer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The layer lists of the {@code cnn} encoder and decoder: parses a compact spec ("conv:64:3, relu, pool:2, flatten" or
 * a preset name) and builds it on NHWC images, tracking each layer's shape so that a bad list fails while building.
 */
public final class ConvStack {
    private ConvStack() {
    }

    /** Named layer lists (in name order); a name may also stand for its list inside another list. */
    public static final Map<String, String> PRESETS = Collections.unmodifiableMap(new TreeMap<>(Map.of(
            // DeepMVC's cnn_small: 1x28x28 -> 64x4x4 = 1024
            "cnn_small", "conv:64:3, relu, conv:64:3, bn, relu, pool:2, conv:64:3, relu, conv:64:3, bn, relu, pool:2, flatten",
            // DeepMVC's cnn_small_decoder: 1024 = 64x4x4 -> 1x28x28
            "cnn_small_decoder", "reshape:64:4:4, up:2, convt:64:3, relu, convt:64:3, bn, relu, up:2, convt:64:3, relu, convt:1:3, sigmoid",
            // the mvc re-implementation's SiMVC/CoMVC CNN: 1x28x28 -> 32x3x3 = 288
            "mvc_cnn", "conv:32:5, relu, conv:32:5, bn, relu, pool:2, conv:32:3, relu, conv:32:3, bn, relu, pool:2, flatten",
            // the mvc re-implementation's EAMC encoder: 1x28x28 -> 64x4x4 -> 500
            "mvc_eamc", "conv:32:5, relu, pool:2, conv:64:5, relu, pool:2, flatten, dense:500, bn, relu")));

    /** What a list may hold, for messages. */
    public static final String ITEMS = "conv:C:K (KxK convolution to C channels, stride 1, valid), convt:C:K (transposed), "
            + "pool:K (KxK max-pooling, stride K), up:K (nearest upsampling), bn (batch norm), dense:N, flatten, "
            + "reshape:C:H:W, an activation (" + String.join(", ", Layers.ACTIVATIONS) + ") or a preset (" + String.join(", ", PRESETS.keySet()) + ")";

    /** The weight initialisations of convolutions and dense layers. */
    public static final List<String> INITS = List.of("torch", "he");

    private static final Map<String, Integer> ARITY = Map.of("conv", 2, "convt", 2, "pool", 1, "up", 1, "dense", 1, "reshape", 3,
            "bn", 0, "flatten", 0);

    /** One parsed layer: its kind and its whole-number arguments (an activation has kind "act" and keeps its text). */
    public record Layer(String kind, int[] args, String text) {
    }

    /** Parses a spec: items separated by commas or spaces, optionally in brackets; preset names expand in place. */
    public static List<Layer> parse(String spec) {
        String s = spec.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        List<Layer> out = new ArrayList<>();
        for (String item : s.split("[,\\s]+")) {
            if (item.isEmpty()) {
                continue;
            }
            if (PRESETS.containsKey(item)) {
                out.addAll(parse(PRESETS.get(item)));
                continue;
            }
            out.add(item(item));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("layers: the list is empty; give items such as " + ITEMS);
        }
        return out;
    }

    private static Layer item(String item) {
        String[] parts = item.split(":");
        Integer arity = ARITY.get(parts[0]);
        if (arity == null) {
            if (!Layers.ACTIVATIONS.contains(item) && !item.equals("linear") && !item.startsWith("leaky_relu:")) {
                throw new IllegalArgumentException("layers: unknown item '" + item + "'; items: " + ITEMS);
            }
            return new Layer("act", new int[0], item);
        }
        if (parts.length != arity + 1) {
            throw new IllegalArgumentException("layers: '" + item + "' needs " + arity + " number(s) after '" + parts[0] + "'; items: " + ITEMS);
        }
        int[] args = new int[arity];
        for (int i = 0; i < arity; i++) {
            try {
                args[i] = Integer.parseInt(parts[i + 1]);
            } catch (NumberFormatException e) {
                args[i] = 0;
            }
            if (args[i] <= 0) {
                throw new IllegalArgumentException("layers: '" + item + "': '" + parts[i + 1] + "' is not a positive whole number");
            }
        }
        return new Layer(parts[0], args, item);
    }

    /**
     * Builds the layers on {@code x}: an NHWC image of {@code hwc} = {H, W, C}, or rows of features when {@code hwc} is
     * null. Returns rows: an image left at the end is flattened C×H×W row-major, as PyTorch's Flatten does.
     */
    public static Operand<TFloat32> build(BuildContext ctx, Operand<TFloat32> x, int[] hwc, List<Layer> layers, String init) {
        if (!INITS.contains(init)) {
            throw new IllegalArgumentException("unknown init '" + init + "' " + INITS);
        }
        Ops tf = ctx.tf();
        Operand<TFloat32> h = x;
        int[] img = hwc;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            String name = "l" + i;
            String at = "layers: item " + (i + 1) + " '" + l.text() + "'";
            int[] a = l.args();
            switch (l.kind()) {
                case "conv", "convt" -> {
                    need(at, img, a[1]);
                    boolean t = l.kind().equals("convt");
                    if (t) {
                        // stride-1 transposed convolution = valid convolution of the input padded by K-1 (kernel flipped)
                        int p = a[1] - 1;
                        h = tf.pad(h, tf.constant(new int[][] {{0, 0}, {p, p}, {p, p}, {0, 0}}), tf.constant(0f));
                        img = new int[] {img[0] + 2 * p, img[1] + 2 * p, img[2]};
                    }
                    h = conv(ctx, name, h, img[2], a[0], a[1], init, t);
                    img = new int[] {img[0] - a[1] + 1, img[1] - a[1] + 1, a[0]};
                }
                case "pool" -> {
                    need(at, img, a[0]);
                    Operand<org.tensorflow.types.TInt32> k = tf.constant(new int[] {1, a[0], a[0], 1});
                    h = tf.nn.maxPool(h, k, k, "VALID");
                    img = new int[] {img[0] / a[0], img[1] / a[0], img[2]};
                }
                case "up" -> {
                    need(at, img, 1);
                    int k = a[0];
                    h = tf.reshape(h, tf.constant(new int[] {-1, img[0], 1, img[1], 1, img[2]}));
                    h = tf.tile(h, tf.constant(new int[] {1, 1, k, 1, k, 1}));
                    img = new int[] {img[0] * k, img[1] * k, img[2]};
                    h = tf.reshape(h, tf.constant(new int[] {-1, img[0], img[1], img[2]}));
                }
                case "bn" -> {
                    if (img == null) {
                        h = Layers.batchNorm(ctx, name, h, 0.1, 1e-5);
                    } else {
                        h = tf.reshape(h, tf.constant(new int[] {-1, img[2]}));
                        h = Layers.batchNorm(ctx, name, h, 0.1, 1e-5);
                        h = tf.reshape(h, tf.constant(new int[] {-1, img[0], img[1], img[2]}));
                    }
                }
                case "dense" -> {
                    if (img != null) {
                        h = flatten(tf, h, img);
                        img = null;
                    }
                    h = Layers.dense(ctx, name, h, a[0], init);
                }
                case "flatten" -> {
                    if (img != null) {
                        h = flatten(tf, h, img);
                        img = null;
                    }
                }
                case "reshape" -> {
                    long width = h.shape().size(h.shape().numDimensions() - 1);
                    long want = (long) a[0] * a[1] * a[2];
                    if (img != null || width != want) {
                        throw new IllegalArgumentException(at + " needs rows of " + want + " values, has "
                                + (img != null ? "an image " + describe(img) : width + " (put dense:" + want + " before it)"));
                    }
                    img = new int[] {a[1], a[2], a[0]};
                    h = image(tf, h, img);
                }
                default -> h = Layers.activate(tf, l.text(), h);
            }
        }
        return img == null ? h : flatten(tf, h, img);
    }

    /** Rows of C×H×W values (row-major) as an NHWC image batch; {@code hwc} = {H, W, C}. */
    public static Operand<TFloat32> image(Ops tf, Operand<TFloat32> rows, int[] hwc) {
        if (hwc[2] == 1) {
            return tf.reshape(rows, tf.constant(new int[] {-1, hwc[0], hwc[1], 1}));
        }
        Operand<TFloat32> nchw = tf.reshape(rows, tf.constant(new int[] {-1, hwc[2], hwc[0], hwc[1]}));
        return tf.linalg.transpose(nchw, tf.constant(new int[] {0, 2, 3, 1}));
    }

    /** An NHWC image batch as rows of C×H×W values (row-major), the inverse of {@link #image}. */
    public static Operand<TFloat32> flatten(Ops tf, Operand<TFloat32> img, int[] hwc) {
        Operand<TFloat32> chw = hwc[2] == 1 ? img : tf.linalg.transpose(img, tf.constant(new int[] {0, 3, 1, 2}));
        return tf.reshape(chw, tf.constant(new int[] {-1, hwc[0] * hwc[1] * hwc[2]}));
    }

    /** A KxK valid convolution plus bias; weights initialised from the fan-in PyTorch uses (out·K·K for a transposed one). */
    private static Operand<TFloat32> conv(BuildContext ctx, String name, Operand<TFloat32> x, int in, int out, int k,
                                          String init, boolean transposed) {
        double fanIn = (double) (transposed ? out : in) * k * k;
        boolean torch = init.equals("torch");
        Initializer w = torch ? Layers.uniform(1 / Math.sqrt(fanIn))
                : (shape, rng) -> Initializer.gaussian(shape, rng, Math.sqrt(2 / fanIn));
        Operand<TFloat32> filter = ctx.variable(name + ".w", new long[] {k, k, in, out}, w);
        Operand<TFloat32> bias = ctx.variable(name + ".b", new long[] {out}, torch ? Layers.uniform(1 / Math.sqrt(fanIn)) : Initializer.zeros());
        Ops tf = ctx.tf();
        return tf.nn.biasAdd(tf.nn.conv2d(x, filter, List.of(1L, 1L, 1L, 1L), "VALID"), bias);
    }

    private static void need(String at, int[] img, int k) {
        if (img == null) {
            throw new IllegalArgumentException(at + " needs an image but gets rows (after flatten or dense); use reshape:C:H:W first");
        }
        if (img[0] < k || img[1] < k) {
            throw new IllegalArgumentException(at + " needs at least " + k + "x" + k + " pixels, gets " + describe(img));
        }
    }

    static String describe(int[] hwc) {
        return hwc[2] + "x" + hwc[0] + "x" + hwc[1];
    }
}
