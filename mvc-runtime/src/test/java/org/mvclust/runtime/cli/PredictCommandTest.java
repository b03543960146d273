package org.mvclust.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.runtime.TestGraphs;

/** {@code mvclust predict} on the model directory a run wrote: the run's labels again; other view widths refused first. */
class PredictCommandTest {
    @TempDir
    Path tmp;

    @Test
    void predictGivesTheRunsLabelsAndRefusesOtherViewWidthsBeforeAnyWork() throws Exception {
        Path data = views(tmp.resolve("data"), 4, 3);
        Path run = tmp.resolve("run");
        assertThat(Cli.run("run", "--method", TestGraphs.AE_KMEANS, "--dataset", data.toString(), "--set", "phases.pretrain.epochs=2",
                "--threads", "1", "--no-plots", "-q", "--out", run.toString())).startsWith("0 ");
        assertThat(run.resolve("model/manifest.json")).exists();
        Path out = tmp.resolve("pred");
        assertThat(Cli.run("predict", "--model", run.resolve("model").toString(), "--dataset", data.toString(), "--threads", "1",
                "-q", "--embedding", "--out", out.toString())).startsWith("0 ");
        assertThat(Files.readString(out.resolve("labels.csv"))).isEqualTo(Files.readString(run.resolve("labels.csv")));
        assertThat(Files.readAllLines(out.resolve("embedding.csv"))).hasSize(41);
        assertThat(Files.readString(out.resolve("metrics.json"))).contains("\"acc\"");

        Path wide = views(tmp.resolve("wide"), 4, 5);
        Path none = tmp.resolve("none");
        String r = Cli.run("predict", "--model", run.resolve("model").toString(), "--dataset", wide.toString(), "--out", none.toString());
        assertThat(r).startsWith("2 ").contains("view 1 (view2) has 5 columns but the model's view 1 (view2) has 3");
        assertThat(none).doesNotExist();
        assertThat(Cli.run("predict", "--model", run.resolve("model").toString(), "--dataset", data.toString(), "--soft",
                "--out", none.toString())).startsWith("2 ").contains("--soft").contains("kmeans");
    }

    /** Two views of 40 samples in two groups, with labels. */
    private static Path views(Path dir, int d1, int d2) throws Exception {
        Files.createDirectories(dir);
        Random rng = new Random(3);
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder("");
        StringBuilder labels = new StringBuilder("label\n");
        for (int i = 0; i < 40; i++) {
            int c = i % 2;
            a.append(row(rng, d1, c));
            b.append(row(rng, d2, c));
            labels.append(c).append('\n');
        }
        Files.writeString(dir.resolve("view1.csv"), a);
        Files.writeString(dir.resolve("view2.csv"), b);
        Files.writeString(dir.resolve("labels.csv"), labels);
        return dir;
    }

    private static String row(Random rng, int d, int c) {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < d; j++) {
            s.append(j == 0 ? "" : ",").append(c * 4 + rng.nextGaussian());
        }
        return s.append('\n').toString();
    }
}
