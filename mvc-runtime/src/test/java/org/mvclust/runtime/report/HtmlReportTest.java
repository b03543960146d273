package org.mvclust.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.runtime.cli.Main;
import org.mvclust.runtime.cli.Outputs;
import org.mvclust.runtime.config.Yaml;
import org.mvclust.runtime.eval.Metrics;

public class HtmlReportTest {
    @TempDir
    Path tmp;

    /** A run directory as {@code mvclust run} leaves it; pictures only when {@code plots}. */
    public static Path runDir(Path dir, String method, long seed, boolean plots) throws IOException {
        Files.createDirectories(dir);
        PlotsTest.Run run = new PlotsTest.Run();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("dataset", "blobs");
        m.put("seed", seed);
        m.put("final_loss", 0.0123);
        m.put("metrics", Metrics.all(run.truth, run.labels));
        m.put("health", Map.of("clusters_used", 2, "knn_agreement", 0.25));
        m.put("warnings", List.of("the partition uses only 2 of 5 clusters"));
        Outputs.write(dir.resolve("metrics.json"), Yaml.toJson(m));
        Outputs.write(dir.resolve("graph.yaml"), "name: " + method + "\nnodes: {enc: {block: mlp, sizes: [\"<b>\"]}}\n");
        Outputs.write(dir.resolve("history.csv"), Outputs.csv(run.history));
        StringBuilder labels = new StringBuilder("sample,cluster,class\n");
        for (int i = 0; i < run.labels.length; i++) {
            labels.append(i).append(',').append(run.labels[i]).append(',').append(run.truth[i]).append('\n');
        }
        Outputs.write(dir.resolve("labels.csv"), labels.toString());
        if (plots) {
            assertThat(Plots.writeRun(dir, method, run.history, run.data.views().get(0), run.labels, run.truth)).isTrue();
        }
        return dir;
    }

    @Test
    void runPageShowsMetricsPicturesAndGraph() throws IOException {
        Path dir = runDir(tmp.resolve("run1"), "ae-kmeans", 3, true);
        assertThat(Main.execute("report", dir.toString())).isZero();
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<img class=full src=\"curves.png\"", "src=\"embedding.png\"", "src=\"confusion.png\"")
                .contains("ae-kmeans on blobs, seed 3")
                .contains("<th>ACC</th>", "<th>NMI</th>")
                .contains(HtmlReport.fmt("acc", Metrics.acc(new PlotsTest.Run().truth, new PlotsTest.Run().labels)))
                .contains("sizes: [&quot;&lt;b&gt;&quot;]")
                .contains("<b>Warning:</b> the partition uses only 2 of 5 clusters", "<th class=l>knn_agreement</th><td>0.2500</td>")
                .doesNotContain("<script");
    }

    @Test
    void missingPicturesAreRedrawnFromTheCsvs() throws IOException {
        Path dir = runDir(tmp.resolve("run2"), "m", 0, false);
        Path out = tmp.resolve("pages/run2.html");
        assertThat(Main.execute("report", dir.toString(), "--out", out.toString())).isZero();
        PlotsTest.png(dir.resolve(Plots.CURVES));
        PlotsTest.png(dir.resolve(Plots.CONFUSION));
        assertThat(dir.resolve(Plots.EMBEDDING)).doesNotExist();
        assertThat(Files.readString(out)).contains("src=\"../run2/curves.png\"", "src=\"../run2/confusion.png\"");
    }

    @Test
    void benchPageHasMeanAndStdPerMethodAndDatasetAndLinksToCells() throws IOException {
        Path results = tmp.resolve("results");
        Files.createDirectories(results);
        Outputs.write(results.resolve("grid.csv"), """
                method,dataset,seed,acc,nmi,ari,purity,fscore,epochs,train_seconds
                a,hw,0,0.8,0.7,0.6,0.8,0.7,10,1.5
                a,hw,1,0.9,0.7,0.6,0.8,0.7,10,2.5
                a,hw,2,1.0,0.7,0.6,0.8,0.7,10,3.5
                b,hw,0,0.5,0.4,0.3,0.5,0.4,10,1.0
                """);
        Outputs.write(results.resolve("grid.md"), "# grid\n\n| method | dataset | ACC |\n|---|---|---|\n| a | hw | 0.9 ± 0.1 |\n");
        Outputs.write(results.resolve("other.csv"), "x,y\n1,2\n");
        runDir(results.resolve("grid/a/hw/s0"), "a", 0, true);
        assertThat(Main.execute("report", results.toString())).isZero();
        String html = Files.readString(results.resolve("report.html"));
        assertThat(html).contains("<h2>grid</h2>")
                .contains("<td class=l>a</td><td class=l>hw</td><td>3</td><td>0.9000 ± 0.1000</td><td>0.7000 ± 0</td>")
                .contains("<td class=l>b</td><td class=l>hw</td><td>1</td><td>0.5000</td>")
                .contains("<td>10 ± 0</td><td>2.5000 ± 1</td>")
                .contains("<a href=\"grid/a/hw/s0/report.html\">report</a>")
                .contains("<img class=thumb src=\"grid/a/hw/s0/curves.png\"", "src=\"grid/a/hw/s0/confusion.png\"")
                .contains("<th>ACC</th></tr>", "<td>0.9 ± 0.1</td>")
                .doesNotContain("other");
        assertThat(results.resolve("grid/a/hw/s0/report.html")).exists();
    }

    @Test
    void neitherRunNorBenchIsAnError() {
        assertThat(Main.execute("report", tmp.toString())).isEqualTo(2);
        assertThat(Main.execute("report", tmp.resolve("missing").toString())).isEqualTo(2);
        assertThat(tmp.resolve("report.html")).doesNotExist();
    }

    @Test
    void aMetricsFileThatIsNotARunsObjectIsNamed() throws IOException {
        Path arr = Files.createDirectories(tmp.resolve("arr"));
        Files.writeString(arr.resolve("metrics.json"), "[1, 2]");
        Path cut = Files.createDirectories(tmp.resolve("cut"));
        Files.writeString(cut.resolve("metrics.json"), "{\"method\": \"x\", ");
        assertThatThrownBy(() -> HtmlReport.write(arr, null)).hasMessageContaining(arr.resolve("metrics.json").toString())
                .hasMessageContaining("expected a JSON object").hasMessageContaining("array");
        assertThatThrownBy(() -> HtmlReport.write(cut, null)).hasMessageContaining(cut.resolve("metrics.json").toString())
                .hasMessageContaining("not valid JSON");
        assertThat(arr.resolve("report.html")).doesNotExist();
    }

    @Test
    void aGridsRunFolderPointsToItsParent() throws IOException {
        Path results = tmp.resolve("results");
        Files.createDirectories(results.resolve("grid/a"));
        Files.writeString(results.resolve("grid.csv"), "method,dataset,seed,acc\na,hw,0,0.5\n");
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.execute("report", results.resolve("grid").toString())).isEqualTo(2);
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("it holds the runs of the grid")
                .contains("report " + results.toAbsolutePath().normalize());
    }

    @Test
    void markdownTablesAndCsvQuotes() throws IOException {
        assertThat(HtmlReport.markdown("## T\n|a|b|\n|:-|-:|\n|1|<2>|\ntext")).isEqualTo(
                "<h5>T</h5>\n<table>\n<tr><th>a</th><th>b</th></tr>\n<tr><td>1</td><td>&lt;2&gt;</td></tr>\n</table>\n<p>text</p>\n");
        Csv.Table t = Csv.table("a,\"b,\"\"c\"\"\"\r\n\r\n1,\"2\n3\"\n,4\n");
        assertThat(t.header()).containsExactly("a", "b,\"c\"");
        assertThat(t.rows()).containsExactly(Map.of("a", "1", "b,\"c\"", "2\n3"), Map.of("b,\"c\"", "4"));
        assertThat(t.lines()).containsExactly(3L, 5L);
        Path bad = Files.writeString(Files.createTempFile("bad", ".csv"), "a,b\n1,\"2\n");
        assertThatThrownBy(() -> Csv.table(bad)).isInstanceOf(IOException.class).hasMessageStartingWith(bad.toString());
        Files.delete(bad);
    }
}
