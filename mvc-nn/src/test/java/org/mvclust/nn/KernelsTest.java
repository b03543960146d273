package org.mvclust.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mvclust.testkit.BlockHarness;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class KernelsTest {
    @Test
    void medianIsTheLowerMiddleValue() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> even = h.input(new float[][] {{4, 1}, {3, 2}});
            Operand<TFloat32> odd = h.input(new float[][] {{5, 1, 3}});
            assertThat(h.scalar(Kernels.median(h.tf(), even))).isEqualTo(2.0);
            assertThat(h.scalar(Kernels.median(h.tf(), odd))).isEqualTo(3.0);
        }
    }

    @Test
    void medianOfSelectedEntriesIsTheMedianOfThoseAlone() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> x = h.input(new float[][] {{4, 1, 9}, {3, 2, 0}});
            Operand<TFloat32> some = h.input(new float[][] {{1, 0, 1}, {1, 1, 0}});
            Operand<TFloat32> none = h.input(new float[][] {{0, 0, 0}, {0, 0, 0}});
            Operand<TFloat32> all = h.input(new float[][] {{1, 1, 1}, {1, 1, 1}});
            // selected 4, 9, 3, 2: lower median 3
            assertThat(h.scalar(Kernels.median(h.tf(), x, some))).isEqualTo(3.0);
            assertThat(h.scalar(Kernels.median(h.tf(), x, all))).isEqualTo(h.scalar(Kernels.median(h.tf(), x)));
            assertThat(h.scalar(Kernels.median(h.tf(), x, none))).isEqualTo(0.0);
        }
    }

    @Test
    void gaussianKernelUsesTheMedianBandwidth() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            // squared distances 0,1,4 / 1,0,1 / 4,1,0: lower median 1
            Operand<TFloat32> x = h.input(new float[][] {{0}, {1}, {2}});
            float[] k = h.eval(Kernels.gaussian(h.tf(), x, 2.0));
            // σ² = 2 · 1, kernel exp(-d / 4)
            assertThat(k).containsExactly(new float[] {1, (float) Math.exp(-0.25), (float) Math.exp(-1),
                    (float) Math.exp(-0.25), 1, (float) Math.exp(-0.25), (float) Math.exp(-1), (float) Math.exp(-0.25), 1}, within(1e-6f));
        }
    }

    @Test
    void cauchySchwarzByHand() {
        try (BlockHarness h = new BlockHarness(2, 2, 1)) {
            Operand<TFloat32> a = h.input(new float[][] {{1, 0}, {0.5f, 0.5f}});
            Operand<TFloat32> kernel = h.input(new float[][] {{1, 0.5f}, {0.5f, 1}});
            // AᵀKA = [[1.75, 0.5], [0.5, 0.25]]; 2/(2·1) · 0.5 / sqrt(1.75 · 0.25)
            assertThat(h.scalar(Kernels.cauchySchwarz(h.tf(), a, kernel, 2))).isCloseTo(0.5 / Math.sqrt(1.75 * 0.25), within(1e-6));
            assertThatThrownBy(() -> Kernels.cauchySchwarz(h.tf(), a, kernel, 1)).hasMessageContaining("at least 2 clusters");
        }
    }
}
