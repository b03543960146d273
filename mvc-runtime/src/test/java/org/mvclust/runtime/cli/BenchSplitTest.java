package org.mvclust.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.runtime.TestGraphs;
import org.mvclust.runtime.report.Csv;

/** A bench cell with {@code split}: trained on that fraction, the held-back samples labelled by the model and reported beside. */
class BenchSplitTest {
    @TempDir
    Path tmp;

    @Test
    void aSplitCellReportsHeldBackMetricsBesideTheInSampleOnes() throws Exception {
        Path grid = tmp.resolve("g.yaml");
        Files.writeString(grid, "cells:\n  - {method: " + TestGraphs.AE_KMEANS + ", name: ae, split: 0.8, datasets: [\"synthetic:samples=50,clusters=2\"],"
                + " set: [phases.pretrain.epochs=2]}\n");
        Path results = tmp.resolve("r");
        assertThat(Main.execute("bench", "--grid", grid.toString(), "--seeds", "1", "--threads", "1", "-q", "--results", results.toString())).isZero();
        List<Map<String, Object>> rows = Csv.read(results.resolve("g.csv"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("held_samples", "10").containsKey("held_acc").containsKey("held_nmi");
        assertThat(Double.parseDouble((String) rows.get(0).get("held_acc"))).isBetween(0.5, 1.0);
        // the training samples labelled by the stored model: the run's own labels (converged k-means, nearest centroid)
        assertThat(Double.parseDouble((String) rows.get(0).get("model_acc"))).isEqualTo(Double.parseDouble((String) rows.get(0).get("acc")));
        Path run = results.resolve("g/ae/synthetic_samples=50_clusters=2/s0");
        assertThat(Files.readAllLines(run.resolve("labels.csv"))).hasSize(41);
        List<String> held = Files.readAllLines(run.resolve("held_out_labels.csv"));
        assertThat(held).hasSize(11);
        assertThat(Files.readString(results.resolve("g.md"))).contains("held-back samples").contains("labelled by the model");

        Files.writeString(grid, "cells:\n  - {method: x, split: 1.5, datasets: [synthetic]}\n");
        assertThat(Main.execute("bench", "--grid", grid.toString(), "--results", results.toString())).isEqualTo(2);
        Files.writeString(grid, "cells:\n  - {method: x, split: 0.8, split_seed: -1, datasets: [synthetic]}\n");
        assertThat(Main.execute("bench", "--grid", grid.toString(), "--results", results.toString())).isEqualTo(2);
        Files.writeString(grid, "cells:\n  - {method: x, split_seed: 1, datasets: [synthetic]}\n");
        assertThat(Main.execute("bench", "--grid", grid.toString(), "--results", results.toString())).isEqualTo(2);
    }

    @Test
    void splitSeedDrawsTheHeldBackSamplesAndSeedGivesEachSeedItsOwn() throws Exception {
        Path grid = tmp.resolve("s.yaml");
        String cell = "{method: " + TestGraphs.AE_KMEANS + ", name: NAME, split: 0.8, SEED datasets: [\"synthetic:samples=50,clusters=2\"],"
                + " set: [phases.pretrain.epochs=1]}";
        Files.writeString(grid, "cells:\n  - " + cell.replace("NAME", "fixed").replace("SEED", "")
                + "\n  - " + cell.replace("NAME", "three").replace("SEED", "split_seed: 3,")
                + "\n  - " + cell.replace("NAME", "per").replace("SEED", "split_seed: seed,") + "\n");
        Path results = tmp.resolve("r");
        assertThat(Main.execute("bench", "--grid", grid.toString(), "--seeds", "2", "--threads", "1", "-q", "--results", results.toString())).isZero();
        Path runs = results.resolve("s");
        String d = "synthetic_samples=50_clusters=2";
        assertThat(heldRows(runs.resolve("fixed/" + d + "/s1"))).isEqualTo(heldRows(runs.resolve("fixed/" + d + "/s0")));
        assertThat(heldRows(runs.resolve("three/" + d + "/s0"))).isEqualTo(heldRows(runs.resolve("three/" + d + "/s1")))
                .isNotEqualTo(heldRows(runs.resolve("fixed/" + d + "/s0")));
        assertThat(heldRows(runs.resolve("per/" + d + "/s0"))).isEqualTo(heldRows(runs.resolve("fixed/" + d + "/s0")));
        assertThat(heldRows(runs.resolve("per/" + d + "/s1"))).isNotEqualTo(heldRows(runs.resolve("per/" + d + "/s0")));
        List<Map<String, Object>> rows = Csv.read(results.resolve("s.csv"));
        assertThat(rows).extracting(r -> r.get("method") + ":" + r.get("split_seed"))
                .containsExactly("fixed:0", "fixed:0", "three:3", "three:3", "per:0", "per:1");
    }

    @Test
    void aTaskKeepsItsSplitThroughJson() {
        BenchTask t = new BenchTask("ddc", "ddc", "hw", List.of("a=1"), List.of(), 2, 1, "min-loss", 1, "cpu", List.of("d"), "out",
                true, 0.8, 2);
        assertThat(BenchTask.fromJson(t.toJson())).isEqualTo(t);
    }

    /** The dataset rows a run held back (first column of held_out_labels.csv). */
    private static List<String> heldRows(Path run) throws Exception {
        return Files.readAllLines(run.resolve("held_out_labels.csv")).stream().skip(1).map(l -> l.split(",")[0]).toList();
    }
}
