package org.mvclust.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.runtime.TestGraphs;

/** An empty --dataset (an unset variable) and an empty directory are named as such, not as unreadable files. */
class DatasetArgsTest {
    @TempDir
    Path tmp;

    @Test
    void emptyDatasetAndEmptyDirectorySayWhatTheyAre() throws Exception {
        Path out = tmp.resolve("out");
        assertThat(Cli.run("run", "--method", TestGraphs.AE_KMEANS, "--dataset", "", "--out", out.toString()))
                .startsWith("2 ").contains("--dataset is empty");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(Cli.run("run", "--method", TestGraphs.AE_KMEANS, "--dataset", empty.toString(), "--out", out.toString()))
                .startsWith("2 ").contains(empty + ": a directory, and no reader recognises it");
        assertThat(out).doesNotExist();
    }
}
