package org.mvclust.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Rewrites a model directory as a consistent one (checksums right) without some variables: a model of an older graph. */
final class StaleModel {
    private StaleModel() {
    }

    static void drop(Path model, String prefix) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(model.resolve("manifest.json").toFile());
        byte[] all = Files.readAllBytes(model.resolve("variables.bin"));
        ByteArrayOutputStream keep = new ByteArrayOutputStream();
        ArrayNode vars = json.createArrayNode();
        int at = 0;
        for (JsonNode v : m.path("variables")) {
            int bytes = 4;
            for (JsonNode d : v.path("shape")) {
                bytes *= d.asInt();
            }
            if (!v.path("name").asText().startsWith(prefix)) {
                keep.write(all, at, bytes);
                vars.add(v);
            }
            at += bytes;
        }
        if (vars.size() == m.path("variables").size()) {
            throw new IllegalArgumentException("no variable starts with " + prefix);
        }
        Files.write(model.resolve("variables.bin"), keep.toByteArray());
        m.set("variables", vars);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(keep.toByteArray()));
        ((ObjectNode) m.path("files")).put("variables.bin", sha);
        json.writeValue(model.resolve("manifest.json").toFile(), m);
    }
}
