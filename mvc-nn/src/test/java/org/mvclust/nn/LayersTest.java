package org.mvclust.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mvclust.api.BuildContext;
import org.mvclust.api.Encoder;
import org.mvclust.api.Inputs;
import org.mvclust.api.Params;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class LayersTest {
    /** One dense layer of width 2 with the init under test, as a block. */
    record Dense(String init) implements Encoder {
        public String name() {
            return "dense";
        }

        public String description() {
            return "one dense layer";
        }

        public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
            return Map.of("out", Layers.dense(ctx, "l", in.one("x"), 2, init));
        }
    }

    @Test
    void denseIsXTimesWPlusBAndItsGradientChecks() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> x = h.input(new float[][] {{1, 2, 3}, {0, -1, 1}});
            Operand<TFloat32> out = h.build(new Dense("he"), Map.of("x", x), Map.of(), Map.of()).get("out");
            Operand<TFloat32> probe = h.probe(out);
            h.set(h.variable("dense.l.w"), new float[] {1, 0, 0, 1, 1, 1});
            h.set(h.variable("dense.l.b"), new float[] {0.5f, -0.5f});
            assertThat(h.eval(out)).containsExactly(new float[] {4.5f, 4.5f, 1.5f, -0.5f}, within(1e-6f));
            assertThat(h.gradientError(probe, x, 1e-2)).isLessThan(1e-2);
            assertThat(h.gradientError(probe, h.variable("dense.l.w"), 1e-2)).isLessThan(1e-2);
        }
    }

    @Test
    void weightsMadeOnceServeTwoInputs() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Encoder twice = new Encoder() {
                public String name() {
                    return "twice";
                }

                public String description() {
                    return "one layer applied to x and 2x";
                }

                public List<String> outputs() {
                    return List.of("out", "doubled");
                }

                public Map<String, Operand<TFloat32>> build(BuildContext ctx, Inputs in, Params p) {
                    Layers.Dense layer = Layers.weights(ctx, "l", 3, 2, "glorot");
                    Operand<TFloat32> x = in.one("x");
                    return Map.of("out", layer.apply(ctx.tf(), x), "doubled", layer.apply(ctx.tf(), ctx.tf().math.add(x, x)));
                }
            };
            Map<String, Operand<TFloat32>> out = h.build(twice, Map.of("x", h.randomInput(2, 3)), Map.of(), Map.of());
            assertThat(h.trainables()).hasSize(2);
            float[] once = h.eval(out.get("out"));
            float[] doubled = h.eval(out.get("doubled"));
            for (int i = 0; i < once.length; i++) {
                assertThat(doubled[i]).isCloseTo(2 * once[i], within(1e-5f));
            }
        }
    }

    @Test
    void unknownInitNamesTheKnownOnes() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            assertThatThrownBy(() -> h.build(new Dense("xavier"), Map.of("x", h.randomInput(2, 3)), Map.of(), Map.of()))
                    .hasMessageContaining("xavier").hasMessageContaining("fan_in_uniform");
        }
    }
}
