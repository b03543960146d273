package org.mvclust.losses;

import java.util.Random;

/** Random strictly positive row distributions for tests. */
final class DistributionsFixture {
    private DistributionsFixture() {
    }

    static float[][] random(Random rng, int rows, int cols) {
        float[][] out = new float[rows][cols];
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            double[] w = new double[cols];
            for (int j = 0; j < cols; j++) {
                w[j] = 0.05 + rng.nextDouble();
                sum += w[j];
            }
            for (int j = 0; j < cols; j++) {
                out[i][j] = (float) (w[j] / sum);
            }
        }
        return out;
    }
}
