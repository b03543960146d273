package org.mvclust.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDirsTest {
    @Test
    void pluginDirectoriesAreReadWhereverTheyStand() {
        assertThat(Main.pluginDirs("run", "--plugins", "a", "--set", "x=1", "--plugins=b", "--seed", "3"))
                .containsExactly(Path.of("a"), Path.of("b"));
        assertThat(Main.pluginDirs("list", "--plugins")).isEmpty();
    }

    @Test
    void aMissingPluginDirectoryIsAnErrorBeforeAnyCommandRuns(@TempDir Path tmp) {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc;
        try {
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            rc = Main.execute("list", "--plugins", tmp.resolve("nope").toString());
        } finally {
            System.setErr(err);
        }
        assertThat(rc).isEqualTo(2);
        assertThat(buf.toString(StandardCharsets.UTF_8)).startsWith("error: plugin directory").contains("nope");
    }
}
