package org.mvclust.runtime.data;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.mvclust.api.DatasetException;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;

/**
 * The dataset options {@code subset=N} (N rows drawn without replacement, kept in dataset order; all rows when N is
 * at least the dataset's size) and {@code subset_seed=S} (default 7), for methods whose cost grows as samples².
 */
final class RowSubset {
    static final String SIZE = "subset";
    static final String SEED = "subset_seed";

    private RowSubset() {
    }

    /** Removes the two options from {@code options}; applies them to the data loaded without them. */
    static Spec take(String dataset, Map<String, String> options) throws DatasetException {
        String size = options.remove(SIZE);
        String seed = options.remove(SEED);
        if (size == null) {
            if (seed != null) {
                throw new DatasetException("dataset " + dataset + ": " + SEED + " without " + SIZE);
            }
            return null;
        }
        return new Spec(number(dataset, SIZE, size, 1), seed == null ? 7 : number(dataset, SEED, seed, 0));
    }

    record Spec(long size, long seed) {
        MultiViewData apply(MultiViewData data) {
            int n = data.samples();
            if (size >= n) {
                return data;
            }
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            SplittableRandom rng = new SplittableRandom(seed);
            for (int i = 0; i < size; i++) {
                int j = i + rng.nextInt(n - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int[] rows = Arrays.copyOf(order, (int) size);
            Arrays.sort(rows);
            return new MultiViewData(data.name() + ":subset=" + size + ",seed=" + seed, data.viewNames(),
                    data.views().stream().map(v -> v.selectRows(rows)).toList(), data.hasLabels() ? labels(data.labels(), rows) : null);
        }
    }

    private static long number(String dataset, String key, String value, long min) throws DatasetException {
        try {
            long v = Long.parseLong(value.strip());
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DatasetException("dataset " + dataset + ": " + key + "=" + value + " is not a whole number ≥ " + min);
    }

    private static int[] labels(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }
}
