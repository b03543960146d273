package org.mvclust.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.runtime.config.Yaml;

class CheckpointTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsVariablesLongerThanOneWriteChunk() throws IOException {
        Random r = new Random(3);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (int n : new int[] {0, 1, 16384, 40001}) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) r.nextGaussian();
            }
            values.put("v" + n, v);
        }
        ObjectNode header = Yaml.JSON.createObjectNode().put("epoch", 7);
        Path file = dir.resolve("checkpoint.bin");
        new Checkpoint(header, values).write(file);
        assertThat(Files.size(file)).isGreaterThan(4L * (1 + 16384 + 40001));
        assertThat(Files.exists(dir.resolve("checkpoint.bin.tmp"))).isFalse();
        Checkpoint back = Checkpoint.read(file);
        assertThat(back.header().get("epoch").asInt()).isEqualTo(7);
        assertThat(back.values().keySet()).containsExactlyElementsOf(values.keySet());
        values.forEach((k, v) -> assertThat(back.values().get(k)).containsExactly(v));
    }

    @Test
    void aChangedByteIsCaught() throws IOException {
        Path file = dir.resolve("c.bin");
        new Checkpoint(Yaml.JSON.createObjectNode(), Map.of("w", new float[] {1, 2, 3})).write(file);
        byte[] b = Files.readAllBytes(file);
        b[b.length - 40] ^= 1;
        Files.write(file, b);
        assertThatThrownBy(() -> Checkpoint.read(file)).isInstanceOf(IOException.class).hasMessageContaining("checksum mismatch");
    }
}
