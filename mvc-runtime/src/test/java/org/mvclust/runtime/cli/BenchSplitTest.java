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
    }
}
