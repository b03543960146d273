package org.mvclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;

class ImageRecipesTest {
    @Test
    void edgeIsTheThreeByThreeDilationMinusTheImage() {
        // One 3×3 image with a single bright pixel in the corner: its dilation covers the 2×2 block around it.
        Matrix img = new Matrix(1, 9, new float[] {9, 0, 0, 0, 0, 0, 0, 0, 4});
        assertThat(ImageRecipes.edge(img).data()).containsExactly(0, 9, 0, 9, 9, 4, 0, 4, 0);
    }

    @Test
    void noisyPairsEachSampleWithAnImageOfItsClassAndIsSeeded() {
        int n = 40;
        float[] x = new float[n * 4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            java.util.Arrays.fill(x, i * 4, i * 4 + 4, 100 * y[i]);
        }
        Matrix img = new Matrix(n, 4, x);
        Matrix a = ImageRecipes.noisy(img, y, 0.0, 7);
        for (int i = 0; i < n; i++) {
            // With no noise the partner's value on the [-1, 1] scale is its class's.
            assertThat(a.get(i, 0)).isEqualTo((float) (100 * y[i] / 127.5 - 1));
        }
        assertThat(ImageRecipes.noisy(img, y, 0.2, 7).data()).isEqualTo(ImageRecipes.noisy(img, y, 0.2, 7).data())
                .isNotEqualTo(ImageRecipes.noisy(img, y, 0.2, 8).data());
    }

    @Test
    void patchesAreTwelveCellsOfTheUpscaledImageWithoutCorners() {
        // A 4×4 image whose pixel (r, c) is 10r + c, upscaled 4× to 16×16 and cut into 4×4 cells of 4×4.
        float[] x = new float[16];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                x[r * 4 + c] = 10 * r + c;
            }
        }
        List<Matrix> views = ImageRecipes.patches(new Matrix(1, 16, x), 4);
        assertThat(views).hasSize(12);
        assertThat(views).allSatisfy(v -> assertThat(v.cols()).isEqualTo(16));
        // Output pixel (5,5), in cell (1,1) = view 4, samples the input at (0.875, 0.875): 10·0.875 + 0.875.
        Matrix centre = views.get(3);
        assertThat(centre.get(0, 1 * 4 + 1)).isCloseTo(9.625f, org.assertj.core.data.Offset.offset(1e-5f));
        // Output pixel (0,4), in cell (0,1) = view 1, samples (-0.375, 0.625): row -1 reflects to row 0, so 0.625.
        assertThat(views.get(0).get(0, 0)).isCloseTo(0.625f, org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void minMaxScalesAWholeViewToUnitRange() {
        Matrix m = new Matrix(2, 2, new float[] {-1, 1, 0, 3});
        assertThat(ImageRecipes.minMax(m).data()).containsExactly(0f, 0.5f, 0.25f, 1f);
    }
}
