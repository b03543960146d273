package org.mvclust.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.TestGraphs;
import org.mvclust.runtime.config.Yaml;
import org.mvclust.runtime.report.Csv;

/** --clusters auto: the range, and k recovered on eight blobs. */
class ClusterCountTest {
    @TempDir
    Path tmp;

    @Test
    void parsesRangesAndDefaultsToTwoToATenthOfTheSamples() {
        assertThat(ClusterCount.parse("7")).isNull();
        assertThat(ClusterCount.number("7")).isEqualTo(7);
        assertThat(ClusterCount.parse("auto").max(1000)).isEqualTo(20);
        assertThat(ClusterCount.parse("auto").max(120)).isEqualTo(12);
        assertThat(ClusterCount.parse("auto:3-9")).isEqualTo(new ClusterCount(3, 9, ClusterCount.Criterion.GAP));
        assertThat(ClusterCount.parse("auto,criterion=eigengap")).isEqualTo(new ClusterCount(2, null, ClusterCount.Criterion.EIGENGAP));
        assertThat(ClusterCount.parse("auto,criterion=stability").criterion()).isEqualTo(ClusterCount.Criterion.STABILITY);
        assertThat(ClusterCount.parse("auto:3-9,criterion=silhouette")).isEqualTo(new ClusterCount(3, 9, ClusterCount.Criterion.SILHOUETTE));
        assertThat(ClusterCount.parse("auto,criterion=calinski_harabasz").criterion()).isEqualTo(ClusterCount.Criterion.CALINSKI_HARABASZ);
        assertThat(ClusterCount.parse("auto,criterion=davies_bouldin").criterion()).isEqualTo(ClusterCount.Criterion.DAVIES_BOULDIN);
        assertThat(ClusterCount.parse("auto,criterion=eigengap_local").criterion()).isEqualTo(ClusterCount.Criterion.EIGENGAP_LOCAL);
        assertThat(ClusterCount.parse("auto,criterion=gap").criterion()).isEqualTo(ClusterCount.Criterion.GAP);
        assertThat(ClusterCount.parse("auto,criterion=gap_pca").criterion()).isEqualTo(ClusterCount.Criterion.GAP_PCA);
        assertThatThrownBy(() -> ClusterCount.parse("auto,criterion=gaps")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown criterion 'gaps'").hasMessageContaining("eigengap_local, gap");
        assertThatThrownBy(() -> ClusterCount.parse("auto;3-9")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("criterion=stability|silhouette|calinski_harabasz|davies_bouldin|eigengap|eigengap_local|gap|gap_pca");
        assertThatThrownBy(() -> ClusterCount.parse("auto:1-9")).isInstanceOf(ConfigException.class).hasMessageContaining("2 <= MIN < MAX");
        assertThatThrownBy(() -> ClusterCount.number("seven")).isInstanceOf(ConfigException.class).hasMessageContaining("--clusters seven");
        assertThatThrownBy(() -> ClusterCount.parse("auto:2-50").max(40)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("only 32 samples");
        assertThatThrownBy(() -> ClusterCount.parse("auto:2-3").max(8)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("more than 10 samples");
        assertThatThrownBy(() -> ClusterCount.parse("auto:2-2500").max(5000)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("at most 1999 clusters");
    }

    @Test
    void warnsWhenTheChoiceIsAnEndOfTheRange() {
        ClusterCount c = ClusterCount.parse("auto:3-9");
        assertThat(c.atEnd(5, 1000)).isNull();
        assertThat(c.atEnd(9, 1000)).contains("chose 9, the largest k of 3..9").contains("auto:3-18").contains("criterion=stability|")
                .doesNotContain("|gap)");
        assertThat(c.atEnd(3, 1000)).contains("the smallest k of 3..9").contains("auto:4-9");
    }

    @Test
    void findsEightBlobsWithKMeans() throws Exception {
        Path out = tmp.resolve("auto");
        run(out, "auto:6-10,criterion=stability");
        List<Map<String, Object>> rows = Csv.read(out.resolve("clusters.csv"));
        assertThat(rows).extracting(r -> r.get("k")).containsExactly("6", "7", "8", "9", "10");
        Map<?, ?> m = Yaml.JSON.convertValue(Yaml.JSON.readTree(out.resolve("metrics.json").toFile()), Map.class);
        int k = ((Number) m.get("clusters")).intValue();
        assertThat(k).isBetween(7, 9);
        assertThat(rows.stream().filter(r -> r.get("chosen").equals("1")).map(r -> r.get("k")).toList()).containsExactly(String.valueOf(k));
        assertThat(out.resolve("clusters.svg")).exists();
        assertThat(rows.get(0)).containsKeys("silhouette", "calinski_harabasz", "davies_bouldin", "eigengap", "by_stability",
                "by_silhouette", "by_calinski_harabasz", "by_davies_bouldin", "by_eigengap");
        for (String by : List.of("by_calinski_harabasz", "by_davies_bouldin")) {
            assertThat(rows.stream().filter(r -> r.get(by).equals("1")).map(r -> Integer.parseInt((String) r.get("k")))).as(by)
                    .singleElement().satisfies(b -> assertThat(b).isBetween(7, 9));
        }
    }

    @Test
    void eigengapChoosesTheLargestGapAndTrainsNothing() throws Exception {
        Path out = tmp.resolve("gap");
        String printed = run(out, "auto:2-12,criterion=eigengap");
        assertThat(printed).contains("eigengap: the largest eigengap");
        assertThat(out.resolve("clusters-auto")).doesNotExist();
        List<Map<String, Object>> rows = Csv.read(out.resolve("clusters.csv"));
        assertThat(rows).hasSize(11);
        assertThat(rows.get(0)).doesNotContainKeys("silhouette", "gap").containsKeys("eigengap_local", "by_eigengap_local");
        double top = rows.stream().mapToDouble(r -> value(r, "eigengap")).max().orElseThrow();
        assertThat(value(rows.get(chosen(rows)), "eigengap")).isEqualTo(top);
    }

    @Test
    void gapStatisticIsTheDefaultChoosesByItsRuleAndWritesBothEigengaps() throws Exception {
        Path out = tmp.resolve("gap-statistic");
        String printed = run(out, "auto:6-10");
        assertThat(printed).contains("gap: the smallest k whose gap statistic");
        assertThat(out.resolve("clusters-auto")).doesNotExist();
        List<Map<String, Object>> rows = Csv.read(out.resolve("clusters.csv"));
        assertThat(rows.get(0)).containsKeys("log_w", "gap", "gap_error", "by_gap", "by_eigengap", "by_eigengap_local");
        int chosen = chosen(rows);
        assertThat(rows.get(chosen).get("by_gap")).isEqualTo("1");
        for (int i = 0; i <= chosen; i++) {
            double next = i + 1 < rows.size() ? value(rows.get(i + 1), "gap") - value(rows.get(i + 1), "gap_error") : Double.NEGATIVE_INFINITY;
            assertThat(value(rows.get(i), "gap") >= next).as("k %s", rows.get(i).get("k")).isEqualTo(i == chosen);
        }
        Map<?, ?> m = Yaml.JSON.convertValue(Yaml.JSON.readTree(out.resolve("metrics.json").toFile()), Map.class);
        assertThat(((Number) m.get("clusters")).intValue()).isEqualTo(chosen + 6);
    }

    /** The index of the first row marked chosen. */
    private static int chosen(List<Map<String, Object>> rows) {
        return rows.indexOf(rows.stream().filter(r -> r.get("chosen").equals("1")).findFirst().orElseThrow());
    }

    private static double value(Map<String, Object> row, String column) {
        return Double.parseDouble((String) row.get(column));
    }

    /** Runs kmeans-concat on 240 samples of eight blobs with {@code --clusters clusters}; what it printed. */
    private static String run(Path out, String clusters) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.execute("run", "--method", TestGraphs.KMEANS_CONCAT, "--dataset", "synthetic:samples=240,clusters=8",
                    "--clusters", clusters, "--threads", "1", "-q", "--no-plots", "--out", out.toString())).isZero();
        } finally {
            System.setOut(old);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
