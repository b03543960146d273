package org.mvclust.runtime.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.ConfigException;

/**
 * A seeded split of the samples into a training part and a held-back part, drawn without looking at the labels (not
 * stratified); each part keeps the dataset's order.
 */
public record Split(MultiViewData train, MultiViewData held, int[] trainRows, int[] heldRows, long seed) {

    public static Split of(MultiViewData d, double fraction, long seed) {
        int n = d.samples();
        int keep = (int) Math.round(fraction * n);
        if (!(fraction > 0 && fraction < 1) || keep < 1 || keep >= n) {
            throw new ConfigException("split " + fraction + ": need a fraction between 0 and 1 that leaves samples on both sides of "
                    + n);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] train = Arrays.copyOfRange(order, 0, keep);
        int[] held = Arrays.copyOfRange(order, keep, n);
        Arrays.sort(train);
        Arrays.sort(held);
        return new Split(rows(d, train, "train"), rows(d, held, "held"), train, held, seed);
    }

    /** The samples {@code rows} of {@code d}, in that order. */
    public static MultiViewData rows(MultiViewData d, int[] rows, String part) {
        List<Matrix> views = new ArrayList<>();
        for (Matrix m : d.views()) {
            views.add(m.selectRows(rows));
        }
        int[] labels = null;
        if (d.hasLabels()) {
            labels = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                labels[i] = d.labels()[rows[i]];
            }
        }
        return new MultiViewData(d.name(), d.viewNames(), views, labels);
    }
}
