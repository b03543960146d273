package org.mvclust.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;
import org.mvclust.runtime.ConfigException;

/** The missing-view protocol: exact rate, at least one view per sample, the same mask for the same spec. */
class MissingViewsTest {
    @Test
    void removesExactlyTheRateOfPairsAndKeepsAViewPerSample() {
        for (int views : new int[] {2, 3, 6}) {
            for (int samples : new int[] {7, 100, 1001}) {
                for (double rate : new double[] {0, 0.1, 0.3, 0.5, 1 - 1.0 / views}) {
                    Matrix mask = MissingViews.generate(samples, views, rate, 11, "mcar", "test");
                    assertThat(Presence.absent(mask)).as("N=%d V=%d rate=%s", samples, views, rate)
                            .isEqualTo(Math.round(rate * samples * views));
                    for (int i = 0; i < samples; i++) {
                        float present = 0;
                        for (int v = 0; v < views; v++) {
                            assertThat(mask.get(i, v)).isIn(0f, 1f);
                            present += mask.get(i, v);
                        }
                        assertThat(present).as("sample %d", i).isGreaterThanOrEqualTo(1f);
                    }
                }
            }
        }
    }

    @Test
    void theSameSpecGivesTheSameMaskAndAnotherSeedAnother() {
        Matrix a = MissingViews.generate(500, 4, 0.4, 3, "mcar", "test");
        Matrix b = MissingViews.generate(500, 4, 0.4, 3, "mcar", "test");
        Matrix c = MissingViews.generate(500, 4, 0.4, 4, "mcar", "test");
        assertThat(b.data()).containsExactly(a.data());
        assertThat(c.data()).isNotEqualTo(a.data());
        assertThat(Presence.absent(c)).isEqualTo(Presence.absent(a));
    }

    @Test
    void withOneSeedAHigherRateRemovesMoreOfTheSamePairs() {
        Matrix low = MissingViews.generate(300, 3, 0.2, 5, "mcar", "test");
        Matrix high = MissingViews.generate(300, 3, 0.5, 5, "mcar", "test");
        for (int i = 0; i < low.data().length; i++) {
            if (low.data()[i] == 0f) {
                assertThat(high.data()[i]).isZero();
            }
        }
    }

    @Test
    void anInfeasibleRateOrMechanismIsAClearError() {
        assertThatThrownBy(() -> MissingViews.generate(10, 3, 0.7, 0, "mcar", "dataset hw"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dataset hw")
                .hasMessageContaining("at most 1 - 1/3 = 0.6667");
        assertThatThrownBy(() -> MissingViews.generate(10, 1, 0.1, 0, "mcar", "d")).hasMessageContaining("at most 1 - 1/1");
        assertThatThrownBy(() -> MissingViews.generate(10, 3, 0.1, 0, "mnar", "d")).hasMessageContaining("mechanism 'mnar'");
        assertThatThrownBy(() -> MissingViews.generate(10, 3, -0.1, 0, "mcar", "d")).hasMessageContaining("[0, 1)");
    }
}
