package org.mvclust.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.runtime.TestGraphs;
import org.mvclust.runtime.report.Csv;
import org.mvclust.runtime.report.HtmlReportTest;

class BenchGridTest {
    @TempDir
    Path tmp;

    @Test
    void unknownCellKeyIsRejectedWithTheKnownKeys() throws IOException {
        Path grid = tmp.resolve("g.yaml");
        Files.writeString(grid, "cells:\n  - method: ae-kmeans\n    datasets: [blobs]\n    sets: [a=1]\n");
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.execute("bench", "--grid", grid.toString(), "--results", tmp.resolve("r").toString())).isEqualTo(2);
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cells[0]: unknown key 'sets' (known: method, name, label, datasets, set, seeds, runs, select, missing, missing_seed, impute, split, split_seed)");
        assertThat(tmp.resolve("r/g.csv")).doesNotExist();
    }

    @Test
    void cellSeedCapAndEarlierRowsMeanNothingIsRerun() throws IOException {
        Path results = tmp.resolve("results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("g.csv"), """
                method,dataset,seed,acc,nmi,epochs,overrides
                full,"hw:views=2,3,1",0,0.5,0.25,3000,
                full,"hw:views=2,3,1",1,0.7,0.45,3000,
                abl,"hw:views=2,3,1",0,0.25,0.125,3000,x=1
                abl,"hw:views=2,3,1",1,0.75,0.5,3000,x=1
                """);
        HtmlReportTest.runDir(results.resolve("g/full/hw_views=2_3_1/s2"), "full", 2, false);
        Path grid = tmp.resolve("g.yaml");
        Files.writeString(grid, """
                cells:
                  - {method: no-such-method, name: full, datasets: ["hw:views=2,3,1"]}
                  - {method: no-such-method, name: abl, datasets: ["hw:views=2,3,1"], set: [x=1], seeds: 1}
                """);
        assertThat(Main.execute("bench", "--grid", grid.toString(), "--seeds", "3", "--results", results.toString())).isZero();
        List<Map<String, Object>> rows = Csv.read(results.resolve("g.csv"));
        assertThat(rows).extracting(r -> r.get("method") + "/" + r.get("seed")).containsExactly("full/0", "full/1", "full/2", "abl/0");
        assertThat(rows.get(3)).containsEntry("acc", "0.250000").containsEntry("overrides", "x=1");
        assertThat(Files.readString(results.resolve("g.md")))
                .contains("| full | `hw:views=2,3,1` | 3 |")
                .contains("| abl | `hw:views=2,3,1` | 1 | 0.2500 ± 0.0000 | 0.1250 ± 0.0000 |")
                .as("rows without training steps (k-means) show no rate").doesNotContain("NaN");

        assertThat(Main.execute("bench", "--grid", grid.toString(), "--seeds", "1", "--results", results.toString())).isZero();
        assertThat(Csv.read(results.resolve("g.csv"))).extracting(r -> r.get("method") + "/" + r.get("seed"))
                .as("seeds 1 and 2 of 'full' are kept from the csv, though only seed 0 was asked for")
                .containsExactly("full/0", "full/1", "full/2", "abl/0");
    }

    @Test
    void aCellWhoseOverridesChangedIsTrainedAgainNotRelabelled() throws IOException {
        Path results = tmp.resolve("stale");
        Path grid = tmp.resolve("stale.yaml");
        String cell = """
                cells:
                  - {method: %s, name: m, datasets: ["synthetic:samples=40,clusters=2,dims=[4,3],noise=[0.5,0.5]"],
                     set: ["enc.hidden=[4]", latent=2, phases.train.epochs=%d, phases.train.batch=full]}
                """;
        Files.writeString(grid, cell.formatted(TestGraphs.DDC, 1));
        assertThat(Main.execute("bench", "--grid", grid.toString(), "--seeds", "1", "--threads", "1", "-q", "--results", results.toString())).isZero();
        assertThat(Csv.read(results.resolve("stale.csv"))).extracting(r -> r.get("epochs")).containsExactly("1");
        Files.writeString(grid, cell.formatted(TestGraphs.DDC, 3));
        assertThat(Main.execute("bench", "--grid", grid.toString(), "--seeds", "1", "--threads", "1", "-q", "--results", results.toString())).isZero();
        List<Map<String, Object>> rows = Csv.read(results.resolve("stale.csv"));
        assertThat(rows).extracting(r -> r.get("epochs") + " " + r.get("overrides"))
                .containsExactly("3 enc.hidden=[4] latent=2 phases.train.epochs=3 phases.train.batch=full");
    }

    @Test
    void aCellWithRunsKeepsOneRunPerSeedAndRecordsWhichSeedWon() throws IOException {
        Path results = tmp.resolve("results");
        Path grid = tmp.resolve("g.yaml");
        Files.writeString(grid, """
                cells:
                  - {method: %s, name: m, runs: 2, select: "min-loss:ddc1",
                     datasets: ["synthetic:samples=60,clusters=3,dims=[5,4],noise=[0.5,0.5]"],
                     set: ["enc.hidden=[8]", latent=4, phases.train.epochs=2, phases.train.batch=full]}
                """.formatted(TestGraphs.DDC));
        assertThat(Main.execute("bench", "--grid", grid.toString(), "--seeds", "2", "--threads", "1", "-q", "--results", results.toString())).isZero();
        List<Map<String, Object>> rows = Csv.read(results.resolve("g.csv"));
        assertThat(rows).extracting(r -> r.get("seed") + "/" + r.get("runs") + "/" + r.get("selected_by"))
                .containsExactly("0/2/min-loss:ddc1", "1/2/min-loss:ddc1");
        assertThat(rows.get(0).get("selected_seed")).isIn("0", "1");
        assertThat(rows.get(1).get("selected_seed")).as("seed 1 trains seeds 2 and 3").isIn("2", "3");
        for (String k : List.of("clusters_used", "size_entropy", "kmeans_ari", "kmeans_nmi", "knn_agreement", "stability")) {
            assertThat(rows).extracting(r -> r.get(k)).as(k).allSatisfy(v -> assertThat(Double.parseDouble(v.toString())).isFinite());
        }
        Path cell = results.resolve("g/m/synthetic_samples=60_clusters=3_dims=_5_4__noise=_0.5_0.5_");
        assertThat(cell.resolve("s1/run-1/metrics.json")).exists();
        assertThat(cell.resolve("s1/runs.csv")).exists();

        Files.writeString(grid, "cells:\n  - {method: " + TestGraphs.DDC + ", runs: 0, datasets: [synthetic]}\n");
        assertThat(Main.execute("bench", "--grid", grid.toString(), "--results", tmp.resolve("r2").toString())).isEqualTo(2);
        Files.writeString(grid, "cells:\n  - {method: " + TestGraphs.DDC + ", select: best-acc, datasets: [synthetic]}\n");
        assertThat(Main.execute("bench", "--grid", grid.toString(), "--results", tmp.resolve("r2").toString())).isEqualTo(2);
        assertThat(tmp.resolve("r2/g.csv")).doesNotExist();
    }

    @Test
    void reportedNumbersAreReadByColumnAndABadValueNamesItsLine() throws IOException {
        Path results = tmp.resolve("results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("g.csv"), "method,dataset,seed,acc,nmi,overrides\nfull,\"hw:views=2,3,1\",0,0.5,0.25,\n");
        Path grid = tmp.resolve("g.yaml");
        Files.writeString(grid, "cells:\n  - {method: no-such-method, name: full, datasets: [\"hw:views=2,3,1\"]}\n");
        Path reported = tmp.resolve("reported.csv");
        Files.writeString(reported, "method,dataset,metric,value,source\nfull,\"hw:views=2,3,1\",acc,0.75,\"Table 2, row 1\"\n");
        assertThat(Main.execute("bench", "--grid", grid.toString(), "--seeds", "1", "--results", results.toString(),
                "--reported", reported.toString())).isZero();
        assertThat(Files.readString(results.resolve("g.md"))).contains("| 0.7500 / – / – / – | -0.2500 |");

        Files.writeString(reported, "method,dataset,metric,value,source\n\"a\",b,acc,0.1,\"two\nlines\"\nfull,hw,acc,high,x\n");
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.execute("bench", "--grid", grid.toString(), "--seeds", "1", "--results", results.toString(),
                    "--reported", reported.toString())).isEqualTo(2);
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("reported.csv: line 4: value 'high' is not a number");
    }
}
