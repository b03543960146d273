package org.mvclust.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkBenchTest {
    private static final Path MODULES = Path.of(System.getProperty("mvclust.modules", "../target/modules"));
    /** Columns that measure time or memory, which differ between any two runs. */
    private static final List<String> TIMINGS = List.of("train_seconds", "step_seconds", "readout_seconds", "peak_rss_mb", "gflops");
    private static final String DATA = "synthetic:samples=60,clusters=3,dims=[5,4],noise=[0.5,0.5]";

    @TempDir
    Path tmp;

    @Test
    void aGridOnSparkGivesTheLocalBenchsRowsAndLabelsAndRestartsWithoutRedoingAnything() throws Exception {
        Path grid = tmp.resolve("g.yaml");
        Files.writeString(grid, """
                cells:
                  - {method: ddc, datasets: ["%1$s"], set: ["enc.hidden=[8]", latent=4, phases.train.epochs=3, phases.train.batch=full]}
                  - {method: ae-kmeans, name: ae, datasets: ["%1$s"], set: ["enc.hidden=[16]", "dec.hidden=[16]", latent=4, phases.pretrain.epochs=2]}
                """.formatted(DATA));
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        List<String> common = List.of("--grid", grid.toString(), "--seeds", "2", "--threads", "1", "-q", "--reported", "none");
        assertThat(MvclustLayer.of(MODULES).bench(null, with(common, "--results", local.toString()))).isZero();
        assertThat(SparkBench.run(with(common, "--results", spark.toString(), "--master", "local[2]", "--modules", MODULES.toString())))
                .isZero();

        List<String> localRows = rows(local.resolve("g.csv"));
        assertThat(localRows).hasSize(5);
        assertThat(rows(spark.resolve("g.csv"))).containsExactlyElementsOf(localRows);
        Map<String, String> labels = labelSums(local.resolve("g"));
        assertThat(labels).hasSize(4);
        assertThat(labelSums(spark.resolve("g"))).isEqualTo(labels);
        assertThat(spark.resolve("g.md")).exists();

        Map<String, FileTime> before = times(spark.resolve("g"));
        assertThat(SparkBench.run(with(common, "--results", spark.toString(), "--master", "local[2]", "--modules", MODULES.toString())))
                .isZero();
        assertThat(times(spark.resolve("g"))).as("a restart trains nothing again").isEqualTo(before);
        assertThat(rows(spark.resolve("g.csv"))).containsExactlyElementsOf(localRows);
    }

    @Test
    void aBadCellIsRecordedAsItsErrorRowAndTheOthersComplete() throws Exception {
        Path grid = tmp.resolve("bad.yaml");
        Files.writeString(grid, """
                cells:
                  - {method: kmeans-concat, datasets: ["%1$s"]}
                  - {method: kmeans-concat, name: broken, datasets: ["%1$s"], set: [no_such_key=1]}
                """.formatted(DATA));
        Path results = tmp.resolve("r");
        String[] args = {"--grid", grid.toString(), "--seeds", "2", "--threads", "1", "-q", "--reported", "none",
                "--results", results.toString(), "--master", "local[2,2]", "--modules", MODULES.toString()};
        assertThat(SparkBench.run(args)).as("some task failed").isEqualTo(1);
        List<String> lines = Files.readAllLines(results.resolve("bad.csv"));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).endsWith(",error");
        assertThat(lines.subList(1, 3)).allSatisfy(l -> assertThat(l).startsWith("kmeans-concat,").endsWith(","));
        assertThat(lines.get(3)).startsWith("broken,\"" + DATA + "\",0,").contains("no_such_key");
        assertThat(lines.get(4)).startsWith("broken,\"" + DATA + "\",1,").contains("no_such_key");
        assertThat(Files.readString(results.resolve("bad.md"))).contains("| kmeans-concat |").doesNotContain("| broken |");
    }

    @Test
    void theLaunchersOptionsAreCheckedBeforeSparkStarts() {
        assertThat(SparkBench.run("--modules", tmp.resolve("none").toString(), "--grid", "g.yaml")).isEqualTo(2);
        assertThat(SparkBench.run("--engine", "local", "--grid", "g.yaml")).isEqualTo(2);
        assertThat(SparkBench.run("--threads", "0", "--grid", "g.yaml")).isEqualTo(2);
        assertThat(SparkBench.maxFailures("local[4]", 4)).isEqualTo(1);
        assertThat(SparkBench.maxFailures("local[4,3]", 4)).isEqualTo(3);
        assertThat(SparkBench.maxFailures("spark://host:7077", 4)).isEqualTo(4);
    }

    private static String[] with(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The CSV's lines without its timing columns. */
    private static List<String> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = List.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1));
            assertThat(cells).as(line).hasSameSizeAs(header);
            StringBuilder kept = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (!TIMINGS.contains(header.get(i))) {
                    kept.append(cells.get(i)).append(',');
                }
            }
            out.add(kept.toString());
        }
        return out;
    }

    /** SHA-256 of every labels.csv under {@code dir}, by path relative to it. */
    private static Map<String, String> labelSums(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().equals("labels.csv")).toList()) {
                out.put(dir.relativize(f).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }

    private static Map<String, FileTime> times(Path dir) throws IOException {
        Map<String, FileTime> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), Files.getLastModifiedTime(f));
            }
        }
        return out;
    }
}
