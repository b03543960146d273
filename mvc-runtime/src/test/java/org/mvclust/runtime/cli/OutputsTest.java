package org.mvclust.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write names its file, leaves no temporary file and leaves the earlier file as it was. */
class OutputsTest {
    @TempDir
    Path tmp;

    @Test
    void aFullDiskNamesTheFileAndLeavesNothingHalfWritten() throws Exception {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
        Path labels = Files.writeString(tmp.resolve("labels.csv"), "sample,cluster\n0,1\n");
        Path temp = Files.createSymbolicLink(tmp.resolve(".labels.csv.tmp"), Path.of("/dev/full")); // every write fails
        assertThatThrownBy(() -> Outputs.write(labels, "sample,cluster\n0,2\n".repeat(2000)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot write " + labels).hasMessageContaining("No space left on device");
        assertThat(temp).doesNotExist();
        assertThat(Files.readString(labels)).isEqualTo("sample,cluster\n0,1\n");
    }

    @Test
    void aFailedRenameRemovesTheTemporaryFile() throws Exception {
        Path blocked = Files.createDirectories(tmp.resolve("metrics.json"));
        Files.writeString(blocked.resolve("inside"), "x"); // a non-empty directory cannot be replaced
        assertThatThrownBy(() -> Outputs.write(blocked, "{}")).hasMessageContaining("cannot write " + blocked);
        assertThat(tmp.resolve(".metrics.json.tmp")).doesNotExist();
        Path from = Files.writeString(tmp.resolve("a.png"), "png");
        assertThatThrownBy(() -> Outputs.copy(from, blocked)).hasMessageContaining("cannot write " + blocked);
        assertThat(tmp.resolve(".metrics.json.tmp")).doesNotExist();
    }
}
