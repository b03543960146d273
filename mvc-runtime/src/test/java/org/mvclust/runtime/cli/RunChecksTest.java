package org.mvclust.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.TestGraphs;

/** Inputs that once lost data or aborted the process in native code; each is now refused before any work. */
class RunChecksTest {
    @TempDir
    Path tmp;

    @Test
    void anEmptyOrUnsafeOutputIsRefused() throws Exception {
        assertThatThrownBy(() -> RunChecks.out(Path.of(""), "synthetic")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--out is empty");
        Path file = Files.writeString(tmp.resolve("f.txt"), "x");
        assertThatThrownBy(() -> RunChecks.out(file, "synthetic")).hasMessageContaining("is a file");
        Path views = Files.createDirectories(tmp.resolve("views"));
        Files.writeString(views.resolve("labels.csv"), "label\n1\n");
        assertThatThrownBy(() -> RunChecks.out(views, views.toString())).hasMessageContaining("dataset's own files");
        assertThatThrownBy(() -> RunChecks.out(views, views.resolve("labels.csv").toString()))
                .hasMessageContaining("dataset's own files");
        assertThat(Files.readString(views.resolve("labels.csv"))).isEqualTo("label\n1\n");
        Path fine = RunChecks.out(views.resolve("run"), views.toString());
        assertThat(fine).isDirectory();
    }

    @Test
    void threadCountsOutsideTheCoresAreRefused() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThatThrownBy(() -> RunChecks.threads(0)).hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> RunChecks.threads(-1)).hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> RunChecks.threads(100000)).hasMessageContaining(cores + " cores");
        RunChecks.threads(1);
    }

    @Test
    void zeroWidthsAndBadThreadsFailWithAMessageInsteadOfANativeAbort() {
        String base = "--method;" + TestGraphs.AE_KMEANS + ";--dataset;synthetic:samples=40,clusters=2;--no-plots;-q;--threads;1";
        String latent = Cli.run(("run;" + base + ";--set;latent=0;--out;" + tmp.resolve("a")).split(";"));
        assertThat(latent).startsWith("2 ").contains("nodes.enc").contains("0 weights");
        String hidden = Cli.run(("run;" + base + ";--set;enc.hidden=[0];--out;" + tmp.resolve("b")).split(";"));
        assertThat(hidden).startsWith("2 ").contains("each width must be at least 1");
        String huge = Cli.run(("run;" + base + ";--set;latent=100000000;--set;enc.hidden=[100000];--out;" + tmp.resolve("c")).split(";"));
        assertThat(huge).startsWith("2 ").contains("the product at most");
        assertThat(Cli.run("run", "--threads", "-1", "--method", TestGraphs.AE_KMEANS, "--out", tmp.resolve("d").toString()))
                .startsWith("2 ").contains("--threads -1");
        assertThat(tmp.resolve("d")).doesNotExist();
    }

    @Test
    void clusterCountsSayWhatIsWrong() throws Exception {
        String one = Cli.run("run", "--method", TestGraphs.AE_KMEANS, "--dataset", "synthetic:samples=40,clusters=2", "--clusters", "1",
                "--out", tmp.resolve("e").toString());
        assertThat(one).startsWith("2 ").contains("--clusters 1: need at least 2 clusters");
        Path views = Files.createDirectories(tmp.resolve("oneclass"));
        Files.writeString(views.resolve("view1.csv"), "1,2\n3,4\n5,6\n");
        Files.writeString(views.resolve("labels.csv"), "label\n7\n7\n7\n");
        assertThat(Cli.run("run", "--method", TestGraphs.AE_KMEANS, "--dataset", views.toString(), "--out", tmp.resolve("f").toString()))
                .startsWith("2 ").contains("single class");
    }
}
