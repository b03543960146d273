package org.mvclust.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class CnnEncoderTest {
    private static Operand<TFloat32> encode(BlockHarness h, Operand<TFloat32> x, Map<String, Object> params) {
        return h.build(new CnnEncoder(), Map.of("x", x), Map.of(), params).get("out");
    }

    @Test
    void presetsGiveThePapersWidthsOnMnistImages() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> x = h.randomInput(2, 784);
            Operand<TFloat32> small = encode(h, x, Map.of());
            Operand<TFloat32> eamc = encode(h, x, Map.of("layers", "mvc_eamc"));
            Operand<TFloat32> mvc = encode(h, x, Map.of("layers", "mvc_cnn", "image", List.of(1, 28, 28)));
            assertThat(small.shape().size(1)).isEqualTo(1024);
            assertThat(eamc.shape().size(1)).isEqualTo(500);
            assertThat(mvc.shape().size(1)).isEqualTo(288);
            h.training(true);
            assertThat(h.eval(small)).hasSize(2 * 1024);
            assertThat(h.eval(eamc)).hasSize(2 * 500);
        }
    }

    @Test
    void convolutionAndPoolingMatchAHandComputedExample() {
        try (BlockHarness h = new BlockHarness(2, 1, 1)) {
            Operand<TFloat32> x = h.input(new float[][] {{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3}});
            Operand<TFloat32> conv = encode(h, x, Map.of("layers", "conv:1:3"));
            h.set(h.variable("cnn.l0.w"), new float[] {1, 0, 0, 0, -1, 0, 0, 0, 2});
            h.set(h.variable("cnn.l0.b"), new float[] {0.5f});
            Operand<TFloat32> pooled = encode(h, x, Map.of("layers", "conv:1:3, pool:2"));
            h.set(h.variable("cnn.l0.w"), new float[] {1, 0, 0, 0, -1, 0, 0, 0, 2});
            h.set(h.variable("cnn.l0.b"), new float[] {0.5f});
            // out(r, c) = x(r, c) - x(r+1, c+1) + 2 x(r+2, c+2) + 0.5
            assertThat(h.eval(conv)).containsExactly(4.5f, 15.5f, 20.5f, 10.5f);
            assertThat(h.eval(pooled)).containsExactly(20.5f);
        }
    }

    @Test
    void rowsAreReadChannelByChannelAndFlattenedBackTheSameWay() {
        try (BlockHarness h = new BlockHarness(2, 1, 1)) {
            // two 2x2 channels: a = 1..4, b = 10..40; a 1x1 convolution to two channels (a + b, a - b)
            Operand<TFloat32> x = h.input(new float[][] {{1, 2, 3, 4, 10, 20, 30, 40}});
            Operand<TFloat32> out = encode(h, x, Map.of("layers", "conv:2:1", "image", List.of(2, 2, 2)));
            h.set(h.variable("cnn.l0.w"), new float[] {1, 1, 1, -1});
            h.set(h.variable("cnn.l0.b"), new float[] {0, 0});
            assertThat(h.eval(out)).containsExactly(11, 22, 33, 44, -9, -18, -27, -36);
        }
    }

    @Test
    void batchNormOnImagesUsesEachChannelsBatchStatisticsAndThenItsMovingAverages() {
        try (BlockHarness h = new BlockHarness(2, 4, 3)) {
            Operand<TFloat32> x = h.randomInput(4, 18);
            Operand<TFloat32> out = encode(h, x, Map.of("layers", "bn", "image", List.of(2, 3, 3)));
            float[] in = h.eval(x);
            h.training(true);
            float[] y = h.eval(out);
            double[] mean = new double[2];
            for (int c = 0; c < 2; c++) {
                double s = 0;
                double sq = 0;
                for (int n = 0; n < 4; n++) {
                    for (int i = 0; i < 9; i++) {
                        double v = y[n * 18 + c * 9 + i];
                        s += v;
                        sq += v * v;
                        mean[c] += in[n * 18 + c * 9 + i] / 36.0;
                    }
                }
                assertThat(s / 36).isCloseTo(0, within(1e-5));
                assertThat(sq / 36).isCloseTo(1, within(1e-3));
            }
            h.runUpdates();
            float[] moving = h.eval(h.variable("cnn.l0.moving_mean"));
            assertThat(moving[0]).isCloseTo((float) (0.1 * mean[0]), within(1e-5f));
            assertThat(moving[1]).isCloseTo((float) (0.1 * mean[1]), within(1e-5f));
            h.training(false);
            // moving var = 0.9 + 0.1 * unbiased var; evaluation normalises with the moving statistics
            float[] var = h.eval(h.variable("cnn.l0.moving_var"));
            float[] e = h.eval(out);
            assertThat(e[9]).isCloseTo((float) ((in[9] - moving[1]) / Math.sqrt(var[1] + 1e-5)), within(1e-4f));
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesThroughConvolutionBatchNormAndPooling() {
        try (BlockHarness h = new BlockHarness(2, 3, 5)) {
            Operand<TFloat32> x = h.randomInput(3, 36);
            Operand<TFloat32> out = encode(h, x, Map.of("layers", "conv:2:3, bn, tanh, pool:2, conv:2:2, tanh, flatten, dense:3"));
            Operand<TFloat32> loss = h.probe(out);
            h.training(true);
            // a step of 3e-3 keeps each pooling window's maximum in place (1e-2 moves one and fails)
            assertThat(h.gradientError(loss, x, 3e-3)).isLessThan(2e-3);
            assertThat(h.gradientError(loss, h.variable("cnn.l0.w"), 3e-3)).isLessThan(2e-3);
            assertThat(h.gradientError(loss, h.variable("cnn.l0.b"), 3e-3)).isLessThan(2e-3);
            assertThat(h.gradientError(loss, h.variable("cnn.l1.gamma"), 3e-3)).isLessThan(2e-3);
            assertThat(h.gradientError(loss, h.variable("cnn.l4.w"), 3e-3)).isLessThan(2e-3);
        }
    }

    @Test
    void torchInitIsUniformWithinOneOverRootFanIn() {
        try (BlockHarness h = new BlockHarness(2, 1, 7)) {
            encode(h, h.randomInput(1, 784), Map.of("layers", "conv:64:3, conv:8:3"));
            // fan-in 64·3·3 = 576: limit 1/24 for weights and biases
            float[] w = h.eval(h.variable("cnn.l1.w"));
            float[] b = h.eval(h.variable("cnn.l1.b"));
            assertThat(largest(w)).isLessThanOrEqualTo(1 / 24.0).isGreaterThan(0.95 / 24);
            assertThat(b).hasSize(8).doesNotContain(0f);
            assertThat(largest(b)).isLessThanOrEqualTo(1 / 24.0);
        }
    }

    @Test
    void heInitIsNormalWithStdRootTwoOverFanInAndZeroBiases() {
        try (BlockHarness h = new BlockHarness(2, 1, 7)) {
            encode(h, h.randomInput(1, 784), Map.of("layers", "conv:64:3, conv:64:3", "init", "he"));
            float[] w = h.eval(h.variable("cnn.l1.w"));
            double sq = 0;
            for (float v : w) {
                sq += v * v;
            }
            assertThat(sq / w.length).isCloseTo(2.0 / 576, within(2.0 / 576 * 0.05));
            assertThat(h.eval(h.variable("cnn.l1.b"))).containsOnly(0f);
        }
    }

    @Test
    void badLayerListsAndImagesFailWithClearMessages() {
        try (BlockHarness h = new BlockHarness(2, 1, 1)) {
            Operand<TFloat32> x = h.randomInput(1, 784);
            assertThatThrownBy(() -> encode(h, x, Map.of("layers", "conv:64:3, rleu")))
                    .hasMessageContaining("unknown item 'rleu'").hasMessageContaining("conv:C:K");
            assertThatThrownBy(() -> encode(h, x, Map.of("layers", "conv:64")))
                    .hasMessageContaining("'conv:64' needs 2 number(s)");
            assertThatThrownBy(() -> encode(h, x, Map.of("layers", "pool:0")))
                    .hasMessageContaining("'0' is not a positive whole number");
            assertThatThrownBy(() -> encode(h, x, Map.of("layers", "flatten, conv:8:3")))
                    .hasMessageContaining("item 2 'conv:8:3' needs an image");
            assertThatThrownBy(() -> encode(h, x, Map.of("layers", "pool:2, pool:2, pool:2, conv:8:5")))
                    .hasMessageContaining("needs at least 5x5 pixels, gets 1x3x3");
            assertThatThrownBy(() -> encode(h, x, Map.of("layers", " , ")))
                    .hasMessageContaining("the list is empty");
            assertThatThrownBy(() -> encode(h, x, Map.of("image", List.of(3, 28, 28))))
                    .hasMessageContaining("holds 2352 values but the input rows have 784");
            assertThatThrownBy(() -> encode(h, h.randomInput(1, 785), Map.of()))
                    .hasMessageContaining("785 is not a square image; set image: [C, H, W]");
            assertThatThrownBy(() -> encode(h, x, Map.of("init", "glorot")))
                    .hasMessageContaining("unknown init 'glorot'");
        }
    }

    @Test
    void presetsExpandInsideALongerList() {
        assertThat(ConvStack.parse("[cnn_small, dense:10]")).hasSize(ConvStack.parse("cnn_small").size() + 1);
    }

    private static double largest(float[] v) {
        double max = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }
}
