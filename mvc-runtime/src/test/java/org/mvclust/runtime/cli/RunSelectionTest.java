package org.mvclust.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.TestGraphs;
import org.mvclust.runtime.config.Yaml;
import org.mvclust.runtime.report.Csv;

/** --runs N --select: the kept run is the one with the lowest final loss (or loss term), read from training only. */
class RunSelectionTest {
    private static final String DATA = "synthetic:samples=60,clusters=3,dims=[5,4],noise=[0.5,0.5]";

    @TempDir
    Path tmp;

    @Test
    void ranksByTotalOrByOneTermAndNaNNeverWins() {
        List<Map<String, Object>> runs = List.of(
                Map.of("final_loss", Double.NaN, "final_losses", Map.of("ddc1", 0.1)),
                Map.of("final_loss", 2.0, "final_losses", Map.of("ddc1", 0.3)),
                Map.of("final_loss", 1.5, "final_losses", Map.of("ddc1", 0.2)));
        assertThat(RunSelection.parse("min-loss").best(runs)).isEqualTo(2);
        assertThat(RunSelection.parse("min-loss:ddc1").best(runs)).isZero();
        assertThat(RunSelection.parse("min-loss:ddc1").value(runs.get(1))).isEqualTo(0.3);
        assertThatThrownBy(() -> RunSelection.parse("max-acc")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--select 'max-acc': expected min-loss");
        assertThatThrownBy(() -> RunSelection.parse("min-loss:")).isInstanceOf(ConfigException.class);
    }

    @Test
    void ranksByHealthMeasuresAndHealthAsksForTheMostClustersFirst() {
        List<Map<String, Object>> runs = List.of(
                Map.of("final_loss", 1.0, "health", Map.of("clusters_used", 2, "knn_agreement", 0.9, "kmeans_ari", 0.1, "run_agreement", 0.8)),
                Map.of("final_loss", 2.0, "health", Map.of("clusters_used", 3, "knn_agreement", 0.4, "kmeans_ari", 0.7, "run_agreement", Double.NaN)),
                Map.of("final_loss", 3.0, "health", Map.of("clusters_used", 3, "knn_agreement", 0.5, "kmeans_ari", 0.2, "run_agreement", 0.3)));
        assertThat(RunSelection.parse("knn-agreement").best(runs)).isZero();
        assertThat(RunSelection.parse("kmeans-agreement").best(runs)).isEqualTo(1);
        assertThat(RunSelection.parse("stability").best(runs)).isZero();
        assertThat(RunSelection.parse("health").best(runs)).isEqualTo(2);
        assertThat(RunSelection.parse("health").value(runs.get(2))).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(RunSelection.parse("min-loss").best(runs)).isZero();
    }

    @Test
    void writesEveryCandidatesHealthAndScoreAndTheHealthOfTheKeptRun() throws Exception {
        Path out = tmp.resolve("health");
        int rc = quietly("run", "--method", TestGraphs.DDC, "--dataset", DATA, "--runs", "3", "--select", "stability",
                "--set", "enc.hidden=[8]", "--set", "latent=4", "--set", "phases.train.epochs=2", "--set", "phases.train.batch=full",
                "--no-plots", "--threads", "1", "-q", "--out", out.toString());
        assertThat(rc).isZero();
        List<Map<String, Object>> rows = Csv.read(out.resolve("runs.csv"));
        double[] score = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("score").toString())).toArray();
        int best = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(rows.get(i).get("score")).isEqualTo(rows.get(i).get("run_agreement"));
            assertThat(rows.get(i).keySet()).contains("clusters_used", "size_entropy", "kmeans_ari", "kmeans_nmi", "knn_agreement");
            best = score[i] > score[best] ? i : best;
        }
        assertThat(rows).extracting(r -> r.get("selected")).containsExactly(
                best == 0 ? "1" : "0", best == 1 ? "1" : "0", best == 2 ? "1" : "0");
        Map<?, ?> m = Yaml.JSON.convertValue(Yaml.JSON.readTree(out.resolve("metrics.json").toFile()), Map.class);
        assertThat(m.get("run")).isEqualTo(best);
        Map<?, ?> health = (Map<?, ?>) m.get("health");
        double mean = java.util.Arrays.stream(score).average().orElseThrow();
        assertThat(((Number) health.get("stability")).doubleValue()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-5));
        Map<?, ?> run = Yaml.JSON.convertValue(Yaml.JSON.readTree(out.resolve("run-1/metrics.json").toFile()), Map.class);
        assertThat(((Map<?, ?>) run.get("health")).keySet()).map(Object::toString).contains("clusters_used", "kmeans_ari", "knn_agreement", "nan_loss");
    }

    @Test
    void keepsTheRunWithTheLowestFinalTermAndWritesEveryRun() throws Exception {
        Path out = tmp.resolve("out");
        int rc = quietly("run", "--method", TestGraphs.DDC, "--dataset", DATA, "--runs", "3", "--select", "min-loss:ddc1",
                "--set", "enc.hidden=[8]", "--set", "latent=4", "--set", "phases.train.epochs=2", "--set", "phases.train.batch=full",
                "--no-plots", "--threads", "1", "-q", "--out", out.toString());
        assertThat(rc).isZero();
        List<Map<String, Object>> rows = Csv.read(out.resolve("runs.csv"));
        assertThat(rows).extracting(r -> r.get("seed")).containsExactly("0", "1", "2");
        double[] ddc1 = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("final_ddc1").toString())).toArray();
        int best = 0;
        for (int i = 1; i < 3; i++) {
            best = ddc1[i] < ddc1[best] ? i : best;
        }
        Map<?, ?> m = Yaml.JSON.convertValue(Yaml.JSON.readTree(out.resolve("metrics.json").toFile()), Map.class);
        assertThat(m.get("run")).isEqualTo(best);
        assertThat(m.get("selected_by")).isEqualTo("lowest final ddc1");
        assertThat(((Number) ((Map<?, ?>) m.get("final_losses")).get("ddc1")).doubleValue()).isCloseTo(ddc1[best], org.assertj.core.data.Offset.offset(1e-5));
        for (String f : List.of("labels.csv", "history.csv")) {
            assertThat(Files.readString(out.resolve(f))).as(f).isEqualTo(Files.readString(out.resolve("run-" + best + "/" + f)));
        }
        for (int r = 0; r < 3; r++) {
            Map<?, ?> run = Yaml.JSON.convertValue(Yaml.JSON.readTree(out.resolve("run-" + r + "/metrics.json").toFile()), Map.class);
            assertThat(((Number) run.get("step_seconds")).doubleValue()).as("run %d counts only its own steps", r)
                    .isPositive().isLessThanOrEqualTo(((Number) run.get("train_seconds")).doubleValue());
        }
    }

    @Test
    void anUnknownTermFailsBeforeAnyTrainingNamingTheLosses() throws Exception {
        Path out = tmp.resolve("never");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = quietly("run", "--method", TestGraphs.DDC, "--dataset", DATA, "--runs", "2", "--select", "min-loss:ddc4", "--out", out.toString());
        } finally {
            System.setErr(old);
        }
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--select min-loss:ddc4: unknown loss 'ddc4' (did you mean: ddc1, ddc2, ddc3)");
        assertThat(out).doesNotExist();
    }

    private static int quietly(String... args) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return Main.execute(args);
        } finally {
            System.setOut(old);
        }
    }
}
