package org.mvclust.runtime.data;

import java.util.Random;
import org.mvclust.api.Matrix;
import org.mvclust.runtime.ConfigException;

/**
 * The missing-view protocol. Of the N·V sample-view pairs, exactly round(rate·N·V) are made absent and every sample
 * keeps at least one view, so the largest feasible rate is 1 − 1/V. Mechanism {@code mcar} (missing completely at
 * random): the pairs are visited in an order shuffled by the seed and removed, unless the pair is its sample's last
 * view, until the count is reached. The same (N, V, rate, seed) always gives the same mask; with one seed a higher
 * rate's absent pairs include a lower rate's (the masks are nested).
 */
public final class MissingViews {
    public static final String MCAR = "mcar";

    private MissingViews() {
    }

    /** The number of absent pairs for a rate: round(rate·N·V). */
    public static long absentPairs(int samples, int views, double rate) {
        return Math.round(rate * samples * (double) views);
    }

    /** A presence mask (samples × views, 1 = present) with the rate's absent pairs; {@code where} starts errors. */
    public static Matrix generate(int samples, int views, double rate, long seed, String mechanism, String where) {
        if (!MCAR.equals(mechanism)) {
            throw new ConfigException(where + ": mechanism '" + mechanism + "' is not known (known: " + MCAR + ")");
        }
        if (!(rate >= 0 && rate < 1)) {
            throw new ConfigException(where + ": rate " + rate + " must be in [0, 1)");
        }
        long absent = absentPairs(samples, views, rate);
        long feasible = (long) samples * (views - 1);
        if (absent > feasible) {
            throw new ConfigException(String.format(java.util.Locale.ROOT,
                    "%s: rate %s would remove %d of %d sample-view pairs, but every sample keeps at least one view: with %d views"
                    + " the rate can be at most 1 - 1/%d = %.4f", where, rate, absent, (long) samples * views, views, views,
                    1 - 1.0 / views));
        }
        float[] present = new float[samples * views];
        java.util.Arrays.fill(present, 1f);
        int[] left = new int[samples];
        java.util.Arrays.fill(left, views);
        int[] order = new int[samples * views];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random rng = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        long removed = 0;
        for (int k = 0; k < order.length && removed < absent; k++) {
            int sample = order[k] / views;
            if (left[sample] > 1) {
                present[order[k]] = 0f;
                left[sample]--;
                removed++;
            }
        }
        return new Matrix(samples, views, present);
    }
}
