package org.mvclust.losses;

import java.util.ArrayList;
import java.util.List;

/** Test helper: the rows present in every given mask ({@code [rows][1]} of 0/1). */
final class MaskRows {
    private MaskRows() {
    }

    static int[] rows(float[][]... masks) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < masks[0].length; i++) {
            boolean all = true;
            for (float[][] m : masks) {
                all &= m[i][0] == 1;
            }
            if (all) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
