package org.mvclust.runtime.eval;

import java.util.stream.IntStream;

/** Each of n rows' k highest-scoring other rows, highest first (ties to the lower index), rows in parallel. */
final class TopNeighbours {
    /** The score of row j as a neighbour of row i. */
    interface Score {
        double of(int i, int j);
    }

    private TopNeighbours() {
    }

    static int[][] of(int n, int k, Score score) {
        int[][] out = new int[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            int[] best = new int[k];
            double[] top = new double[k];
            int filled = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double s = score.of(i, j);
                if (filled == k && s <= top[k - 1]) {
                    continue;
                }
                int p = filled < k ? filled++ : k - 1;
                while (p > 0 && top[p - 1] < s) {
                    top[p] = top[p - 1];
                    best[p] = best[p - 1];
                    p--;
                }
                top[p] = s;
                best[p] = j;
            }
            out[i] = best;
        });
        return out;
    }
}
