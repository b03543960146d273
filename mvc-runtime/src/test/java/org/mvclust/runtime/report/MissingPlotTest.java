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
}
