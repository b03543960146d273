package org.mvclust.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.runtime.TestGraphs;
import org.mvclust.runtime.report.Csv;

/** A cell that fails records its error in its row; the other cells still run, and the exit code says one failed. */
class BenchKeepsGoingTest {
    @TempDir
    Path tmp;

    @Test
    void aFailingCellIsRecordedAndTheGridGoesOn() throws Exception {
        Path grid = Files.writeString(tmp.resolve("g.yaml"), "cells:\n"
                + "  - {method: no-such-method, datasets: [\"synthetic:samples=30,clusters=2\"]}\n"
                + "  - {method: " + TestGraphs.AE_KMEANS + ", name: bad, datasets: [\"synthetic:samples=30,clusters=2\"], set: [latent=0]}\n"
                + "  - {method: " + TestGraphs.AE_KMEANS + ", name: ok, datasets: [\"synthetic:samples=30,clusters=2\"],"
                + " set: [phases.pretrain.epochs=1]}\n");
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = Main.execute("bench", "--grid", grid.toString(), "--seeds", "1", "--threads", "1", "-q",
                    "--results", tmp.resolve("r").toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String log = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).as(log).isEqualTo(2);
        assertThat(log).contains("[1/3] no-such-method on synthetic:samples=30,clusters=2 seed 0: error: unknown method")
                .contains("[2/3] bad on").contains("each width must be at least 1").contains("2 of 3 runs failed");
        List<Map<String, Object>> rows = Csv.read(tmp.resolve("r/g.csv"));
        assertThat(rows).extracting(r -> r.get("method")).containsExactly("no-such-method", "bad", "ok");
        assertThat(rows.get(0).get("error").toString()).contains("unknown method 'no-such-method'");
        assertThat(rows.get(2).get("acc")).isNotNull();
        assertThat(rows.get(2).get("error")).isIn(null, "");
        assertThat(Files.readString(tmp.resolve("r/g.md"))).contains("| ok |").doesNotContain("no-such-method");
    }
}
