package org.mvclust.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingPlotTest {
    @TempDir
    Path dir;

    @Test
    void plotsOnlyGridsWithMissingRates() throws Exception {
        Path png = dir.resolve("g-missing.png");
        List<Map<String, Object>> plain = List.of(Map.of("method", "ddc", "dataset", "hw", "seed", 0, "acc", 0.8, "nmi", 0.7));
        assertThat(MissingPlot.write(plain, png, "g")).isFalse();
        assertThat(png).doesNotExist();
        List<Map<String, Object>> swept = List.of(
                Map.of("method", "ddc", "dataset", "hw:missing=0", "seed", 0, "acc", 0.8, "nmi", 0.7),
                Map.of("method", "ddc", "dataset", "hw:missing=0.5,missing_seed=1", "seed", 0, "acc", 0.6, "nmi", 0.5),
                Map.of("method", "ddc", "dataset", "hw:missing=0.5,impute=mean", "seed", 0, "acc", 0.5, "nmi", 0.4));
        assertThat(MissingPlot.write(swept, png, "g")).isTrue();
        assertThat(Files.size(png)).isGreaterThan(1000);
    }

    /** Beyond eight lines, one chart per method family, ACC charts above NMI charts: the image grows by rows of charts. */
    @Test
    void manyLinesGetOneChartPerMethodFamily() throws Exception {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (String m : List.of("a", "b", "c", "d", "e")) {
            for (String v : List.of(" masked", " imputed")) {
                for (String d : List.of("hw", "cub")) {
                    rows.add(Map.of("method", m + v, "dataset", d + ":missing=0.5", "seed", 0, "acc", 0.5, "nmi", 0.4));
                }
            }
        }
        Path png = dir.resolve("many-missing.png");
        assertThat(MissingPlot.write(rows, png, "many")).isTrue();
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        // 5 families: 4 columns, 2 rows of charts per metric, 2 metrics
        assertThat(img.getWidth()).isEqualTo(4 * 420);
        assertThat(img.getHeight()).isEqualTo(4 * 340);
        Path few = dir.resolve("few-missing.png");
        assertThat(MissingPlot.write(rows.subList(0, 8), few, "few")).isTrue();
        assertThat(javax.imageio.ImageIO.read(few.toFile()).getWidth()).isEqualTo(1400);
    }
}
