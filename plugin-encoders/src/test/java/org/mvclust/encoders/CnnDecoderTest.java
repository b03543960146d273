package org.mvclust.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class CnnDecoderTest {
    private static Operand<TFloat32> decode(BlockHarness h, Operand<TFloat32> z, Map<String, Object> params) {
        return h.build(new CnnDecoder(), Map.of("x", z), Map.of(), params).get("out");
    }

    @Test
    void deepMvcsDecoderMapsTheCnnSmallCodeBackToA28By28Image() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> out = decode(h, h.randomInput(2, 1024), Map.of("out", 784));
            h.training(true);
            float[] v = h.eval(out);
            assertThat(v).hasSize(2 * 784);
            for (float p : v) {
                assertThat(p).as("after the sigmoid").isStrictlyBetween(0f, 1f);
            }
        }
    }

    @Test
    void upsamplingRepeatsPixelsAndTheTransposedConvolutionSpreadsThemOut() {
        try (BlockHarness h = new BlockHarness(2, 1, 1)) {
            Operand<TFloat32> z = h.input(new float[][] {{1, 2, 3, 4}});
            Operand<TFloat32> up = decode(h, z, Map.of("layers", "reshape:1:2:2, up:2"));
            assertThat(h.eval(up)).containsExactly(1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4);
            Operand<TFloat32> t = decode(h, z, Map.of("layers", "reshape:1:2:2, convt:1:2", "out", 9));
            // every input pixel adds its kernel-weighted copy to a 2x2 patch of the 3x3 output
            h.set(h.variable("cnn_decoder.l1.w"), new float[] {1, 0, 0, 10});
            h.set(h.variable("cnn_decoder.l1.b"), new float[] {0.5f});
            assertThat(h.eval(t)).containsExactly(10.5f, 20.5f, 0.5f, 30.5f, 41.5f, 2.5f, 0.5f, 3.5f, 4.5f);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesThroughUpsamplingAndTransposedConvolutions() {
        try (BlockHarness h = new BlockHarness(2, 3, 4)) {
            Operand<TFloat32> z = h.randomInput(3, 8);
            Operand<TFloat32> out = decode(h, z, Map.of("layers", "reshape:2:2:2, up:2, convt:2:3, bn, tanh, convt:1:2, sigmoid"));
            assertThat(out.shape().size(1)).isEqualTo(49);
            Operand<TFloat32> loss = h.probe(out);
            h.training(true);
            assertThat(h.gradientError(loss, z, 3e-3)).isLessThan(2e-3);
            assertThat(h.gradientError(loss, h.variable("cnn_decoder.l2.w"), 3e-3)).isLessThan(2e-3);
            assertThat(h.gradientError(loss, h.variable("cnn_decoder.l5.w"), 3e-3)).isLessThan(2e-3);
        }
    }

    @Test
    void aLatentOfTheWrongWidthOrAWrongOutputWidthIsRefused() {
        try (BlockHarness h = new BlockHarness(2, 1, 1)) {
            assertThatThrownBy(() -> decode(h, h.randomInput(1, 10), Map.of()))
                    .hasMessageContaining("'reshape:64:4:4' needs rows of 1024 values, has 10 (put dense:1024 before it)");
            assertThatThrownBy(() -> decode(h, h.randomInput(1, 4), Map.of("layers", "reshape:1:2:2, convt:1:2", "out", 16)))
                    .hasMessageContaining("layers make rows of 9 values, but out is 16");
        }
    }
}
