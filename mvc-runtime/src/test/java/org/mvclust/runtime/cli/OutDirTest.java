package org.mvclust.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.TestGraphs;

/** Two runs never share an output directory, and a rerun never leaves the previous run's files beside its own. */
class OutDirTest {
    @TempDir
    Path tmp;

    private static final String HOLD = """
            import java.nio.channels.FileChannel;
            import java.nio.file.*;
            public class Hold {
                public static void main(String[] a) throws Exception {
                    FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    ch.lock();
                    ch.write(java.nio.ByteBuffer.wrap("process 4242".getBytes()), 0);
                    System.out.println("locked");
                    Thread.sleep(120_000);
                }
            }
            """;

    @Test
    void aDirectoryHeldByAnotherProcessIsRefusedAndTakenOverOnceThatProcessDies() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Path src = Files.writeString(tmp.resolve("Hold.java"), HOLD);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(java, src.toString(), dir.resolve(OutDir.LOCK).toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(r.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> OutDir.claim(dir, false, null)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("is in use by another mvclust run (process 4242)");
        } finally {
            holder.destroyForcibly(); // as kill -9: the lock file stays, with the dead owner in it
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        try (OutDir held = OutDir.claim(dir, false, new PrintStream(notes, true, StandardCharsets.UTF_8))) {
            assertThat(notes.toString(StandardCharsets.UTF_8)).contains("did not finish (process 4242); taking it over");
            assertThatThrownBy(() -> OutDir.claim(dir, false, null)).hasMessageContaining("in use by another mvclust run");
        }
        try (OutDir again = OutDir.claim(dir, false, null)) { // a finished run leaves no owner
            assertThat(Files.readString(dir.resolve(OutDir.LOCK))).contains("process " + ProcessHandle.current().pid());
        }
    }

    @Test
    void aNewRunRemovesTheEarlierRunsFilesAndNothingElse() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(dir.resolve(OutDir.LOCK), "");
        for (String f : new String[] {"curves.png", "runs.csv", "metrics.json", ".labels.csv.tmp", "checkpoint.bin.tmp",
                "run-0/labels.csv", "run-0/metrics.json", "run-1/confusion.png", "run-1/notes.txt", "notes.txt", "run-x/labels.csv"}) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), "old");
        }
        OutDir.claim(dir, false, null).close();
        try (var s = Files.walk(dir)) {
            assertThat(s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted())
                    .containsExactly(OutDir.LOCK, "notes.txt", "run-1/notes.txt", "run-x/labels.csv");
        }
        assertThat(dir.resolve("run-0")).doesNotExist();
        Files.writeString(dir.resolve("checkpoint.bin"), "ckpt");
        OutDir.claim(dir, true, null).close(); // --resume keeps everything
        assertThat(dir.resolve("checkpoint.bin")).exists();
    }

    @Test
    void aDirectoryWithFilesOfOutputNamesThatMvclustDidNotWriteIsRefused() throws Exception {
        Path views = Files.createDirectories(tmp.resolve("views"));
        Files.writeString(views.resolve("labels.csv"), "label\n1\n");
        assertThatThrownBy(() -> OutDir.claim(views, false, null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("holds labels.csv but is not an mvclust run directory");
        assertThat(Files.readString(views.resolve("labels.csv"))).isEqualTo("label\n1\n");
        assertThat(views.resolve(OutDir.LOCK)).doesNotExist();
        Path killed = Files.createDirectories(tmp.resolve("killed")); // a run killed before its lock existed
        Files.writeString(killed.resolve("checkpoint.bin"), "ckpt");
        Files.writeString(killed.resolve("graph.yaml"), "x");
        OutDir.claim(killed, true, null).close();
        assertThat(killed.resolve("checkpoint.bin")).exists();
    }

    @Test
    void aRerunWithFewerRunsAndNoPlotsLeavesNoneOfTheFirstRunsFiles() throws Exception {
        Path dir = tmp.resolve("run");
        String base = "run;--method;" + TestGraphs.AE_KMEANS + ";--dataset;synthetic:samples=40,clusters=2;-q;--threads;1;"
                + "--set;phases.pretrain.epochs=1;--out;" + dir;
        assertThat(Cli.run((base + ";--runs;2").split(";"))).startsWith("0 ");
        assertThat(dir.resolve("run-1/labels.csv")).exists();
        assertThat(dir.resolve("curves.png")).exists();
        assertThat(Cli.run((base + ";--no-plots").split(";"))).startsWith("0 ");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly(OutDir.LOCK, "graph.yaml",
                    "history.csv", "labels.csv", "metrics.json", "model", "preprocess.json", "steps.csv");
        }
    }
}
