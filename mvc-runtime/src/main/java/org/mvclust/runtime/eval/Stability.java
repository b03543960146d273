package org.mvclust.runtime.eval;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Stability of a clustering across subsamples, normalised against chance, for choosing the number of clusters
 * (Lange, Roth, Braun &amp; Buhmann 2004, "Stability-based validation of clustering solutions", Neural Computation 16;
 * pairs of subsamples compared on the samples they share, as Ben-Hur, Elisseeff &amp; Guyon 2002). The instability of two
 * partitions is the fraction of shared samples on which they disagree under the best one-to-one matching of their
 * clusters; it is divided by the same for random partitions with the same cluster sizes, since a larger k disagrees
 * more by chance alone. Lower is better.
 */
public final class Stability {
    /** Random relabellings per pair for the chance level. */
    public static final int PERMUTATIONS = 20;

    private Stability() {
    }

    /** Instability, its chance level and their ratio. */
    public record Score(double instability, double chance, double normalised) {
    }

    /** Disagreement of two partitions of the same samples under the best matching of their clusters. */
    public static double instability(int[] a, int[] b) {
        return 1 - Metrics.acc(a, b);
    }

    /**
     * Over all pairs of subsamples: {@code rows.get(i)} are the dataset rows of subsample i (ascending) and
     * {@code labels.get(i)} its partition; the chance level permutes the second partition of each pair ({@code seed}).
     */
    public static Score of(List<int[]> rows, List<int[]> labels, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double d = 0;
        double chance = 0;
        int pairs = 0;
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                int[][] shared = shared(rows.get(i), labels.get(i), rows.get(j), labels.get(j));
                if (shared[0].length == 0) {
                    continue;
                }
                d += instability(shared[0], shared[1]);
                double c = 0;
                for (int p = 0; p < PERMUTATIONS; p++) {
                    c += instability(shared[0], shuffled(shared[1], rng));
                }
                chance += c / PERMUTATIONS;
                pairs++;
            }
        }
        d /= pairs;
        chance /= pairs;
        return new Score(d, chance, chance > 0 ? d / chance : Double.NaN);
    }

    /** The labels of two subsamples on the rows they share. */
    static int[][] shared(int[] rowsA, int[] a, int[] rowsB, int[] b) {
        int n = 0;
        int[] la = new int[Math.min(rowsA.length, rowsB.length)];
        int[] lb = new int[la.length];
        for (int i = 0, j = 0; i < rowsA.length && j < rowsB.length; ) {
            if (rowsA[i] == rowsB[j]) {
                la[n] = a[i++];
                lb[n++] = b[j++];
            } else if (rowsA[i] < rowsB[j]) {
                i++;
            } else {
                j++;
            }
        }
        return new int[][] {java.util.Arrays.copyOf(la, n), java.util.Arrays.copyOf(lb, n)};
    }

    private static int[] shuffled(int[] v, SplittableRandom rng) {
        int[] out = v.clone();
        for (int i = out.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /** {@code count} distinct rows of {@code n}, ascending, drawn with {@code seed}. */
    public static int[] subsample(int n, int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(idx, count);
        java.util.Arrays.sort(out);
        return out;
    }
}
