package org.mvclust.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.TestGraphs;
import org.mvclust.runtime.report.Csv;

/** mvclust tune: the search space, resuming, and a choice that labels never influence. */
class TuneCommandTest {
    @TempDir
    Path tmp;

    @Test
    void listsRangesAndGrids() {
        assertThat(TuneSpace.range("2..5", "x")).containsExactly("2", "3", "4", "5");
        assertThat(TuneSpace.range("1..1000:4:log", "x")).containsExactly("1", "10", "100", "1000");
        assertThat(TuneSpace.range("0.5..1.5:3", "x")).containsExactly("0.5", "1.0", "1.5");
        assertThat(TuneSpace.range("1..2:5", "x")).containsExactly("1", "2"); // whole ends: rounded, repeats dropped
        assertThatThrownBy(() -> TuneSpace.range("0..10:3:log", "--search a")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--search a").hasMessageContaining("above 0");
        Map<String, List<String>> space = new java.util.LinkedHashMap<>();
        TuneSpace.inline("lambda=[1,10]", space);
        TuneSpace.inline("enc.hidden=[[8],[16,8]]", space);
        assertThat(space.get("enc.hidden")).containsExactly("[8]", "[16,8]");
        List<List<String>> all = TuneSpace.candidates(space, 0, 0);
        assertThat(all).containsExactly(List.of("lambda=1", "enc.hidden=[8]"), List.of("lambda=1", "enc.hidden=[16,8]"),
                List.of("lambda=10", "enc.hidden=[8]"), List.of("lambda=10", "enc.hidden=[16,8]"));
        List<List<String>> drawn = TuneSpace.candidates(space, 2, 7);
        assertThat(drawn).hasSize(2).doesNotHaveDuplicates().isSubsetOf(all).isEqualTo(TuneSpace.candidates(space, 2, 7));
    }

    @Test
    void shuffledLabelsChooseTheSameCandidateWithTheSameScoresAndAResumeTrainsNothing() throws Exception {
        Path data = dataset("data", false);
        Path shuffled = dataset("shuffled", true);
        Path grid = Files.writeString(tmp.resolve("grid.yaml"), String.join("\n",
                "set: [\"enc.hidden=[8]\", phases.train.epochs=2, phases.train.batch=full]",
                "search:", "  latent: [2, 4]", "  clusters: 3..3", "seeds: 2", "select: health", ""));
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(tune("--dataset", data.toString(), "--out", a.toString(), "--grid", grid.toString())).isZero();
        assertThat(tune("--dataset", shuffled.toString(), "--out", b.toString(), "--grid", grid.toString())).isZero();
        Csv.Table ta = Csv.table(a.resolve("candidates.csv"));
        Csv.Table tb = Csv.table(b.resolve("candidates.csv"));
        assertThat(ta.rows()).hasSize(2);
        assertThat(ta.header()).containsSubsequence("latent", "clusters", "knn_agreement", "stability", "score", "selected", "acc", "nmi");
        for (int i = 0; i < 2; i++) {
            for (String col : ta.header()) {
                if (!List.of("acc", "nmi", "ari", "purity", "fscore").contains(col)) {
                    assertThat(tb.rows().get(i).get(col)).as("row %d column %s", i, col).isEqualTo(ta.rows().get(i).get(col));
                }
            }
        }
        assertThat(ta.rows().stream().map(r -> r.get("acc")).toList())
                .as("the labels did change").isNotEqualTo(tb.rows().stream().map(r -> r.get("acc")).toList());
        assertThat(ta.rows().stream().filter(r -> r.get("selected").equals("1")).count()).isOne();
        String chosen = Files.readString(a.resolve("graph.yaml"));
        assertThat(chosen).startsWith("# chosen by mvclust tune").contains("--clusters")
                .isEqualTo(Files.readString(b.resolve("graph.yaml")).replace(shuffled.toString(), data.toString()));
        assertThat(a.resolve("score.svg")).content().startsWith("<svg").contains("<circle");
        assertThat(a.resolve("candidates.md")).content().contains("| candidate | latent | clusters |").contains("**");
        // the chosen graph runs
        int k = Integer.parseInt(chosen.replaceAll("(?s).*--clusters (\\d+).*", "$1"));
        assertThat(Main.execute("run", "--method", a.resolve("graph.yaml").toString(), "--dataset", data.toString(),
                "--clusters", String.valueOf(k), "--threads", "1", "-q", "--no-plots", "--out", tmp.resolve("again").toString())).isZero();
        // a second tune reads every run instead of training it
        long before = Files.getLastModifiedTime(a.resolve("candidates/c00-latent=2_clusters=3/run-0/metrics.json")).toMillis();
        assertThat(tune("--dataset", data.toString(), "--out", a.toString(), "--grid", grid.toString())).isZero();
        assertThat(Files.getLastModifiedTime(a.resolve("candidates/c00-latent=2_clusters=3/run-0/metrics.json")).toMillis()).isEqualTo(before);
        assertThat(Csv.table(a.resolve("candidates.csv")).rows()).isEqualTo(ta.rows());
    }

    @Test
    void refusesAnOutOfAnotherTuneAndHealthWithOneSeed() throws Exception {
        Path data = dataset("data", false);
        Path out = tmp.resolve("o");
        Files.createDirectories(out);
        Files.writeString(out.resolve("tune.json"), "{\"method\": \"other\"}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(tune("--dataset", data.toString(), "--out", out.toString(), "--search", "latent=[2,3]")).isEqualTo(2);
            assertThat(tune("--dataset", data.toString(), "--out", tmp.resolve("p").toString(), "--search", "latent=[2,3]",
                    "--seeds", "1")).isEqualTo(2);
            assertThat(tune("--dataset", data.toString(), "--out", tmp.resolve("q").toString(), "--search", "latnt=[2,3]")).isEqualTo(2);
            assertThat(tune("--dataset", tmp.resolve("none").toString(), "--out", tmp.resolve("r").toString(), "--search", "latent=[2,3]")).isEqualTo(2);
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds a tune made with").contains("give --seeds 2 or more")
                .contains("latnt");
        assertThat(tmp.resolve("p")).doesNotExist();
        assertThat(tmp.resolve("r")).as("a missing dataset is reported before --out is made").doesNotExist();
    }

    private int tune(String... args) {
        List<String> all = new ArrayList<>(List.of("tune", "--method", TestGraphs.DDC, "--threads", "1", "-q"));
        all.addAll(List.of(args));
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return Main.execute(all.toArray(String[]::new));
        } finally {
            System.setOut(old);
        }
    }

    /** Three blobs in two views (40 samples) as CSV files; {@code shuffle} permutes the labels only. */
    private Path dataset(String name, boolean shuffle) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Random rng = new Random(3);
        StringBuilder v1 = new StringBuilder();
        StringBuilder v2 = new StringBuilder();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int c = i % 3;
            labels.add(c);
            v1.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%.4f%n", 3 * c + rng.nextGaussian(), rng.nextGaussian(), -c + rng.nextGaussian()));
            v2.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f%n", -2 * c + rng.nextGaussian(), c + rng.nextGaussian()));
        }
        if (shuffle) {
            Collections.shuffle(labels, new Random(11));
        }
        Files.writeString(dir.resolve("a.csv"), v1.toString());
        Files.writeString(dir.resolve("b.csv"), v2.toString());
        Files.writeString(dir.resolve("labels.csv"), "label\n" + String.join("\n", labels.stream().map(String::valueOf).toList()) + "\n");
        return dir;
    }
}
