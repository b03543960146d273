package org.mvclust.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.mvclust.runtime.ConfigException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code extends: BASE}: the base graph (resolved the same way), then the child's other top-level keys, each
 * replacing the base's whole section, then the child's {@code set:} entries in order, as {@code --set} would apply them.
 */
final class Inheritance {
    /** Top-level order of a resolved graph, so that a section a child adds sits where a full file would have it. */
    private static final List<String> ORDER = List.of("name", "description", "paper", "vars", "dataset", "buffers", "nodes",
            "losses", "phases", "readout", "report");

    private final GraphLoader loader;

    Inheritance(GraphLoader loader) {
        this.loader = loader;
    }

    ObjectNode resolve(GraphLoader.Read graph) {
        return resolve(graph, new ArrayList<>());
    }

    private ObjectNode resolve(GraphLoader.Read graph, List<String> chain) {
        ObjectNode child = graph.tree();
        if (!child.has("extends")) {
            return child;
        }
        chain.add(key(graph));
        JsonNode base = child.get("extends");
        if (!base.isTextual() || base.asText().isBlank()) {
            throw new ConfigException(graph.source() + ": extends: expected the name of a preset or a graph file");
        }
        GraphLoader.Read read = readBase(graph, base.asText());
        if (chain.contains(key(read))) {
            chain.add(key(read));
            throw new ConfigException(graph.source() + ": extends cycle: " + String.join(" -> ", chain));
        }
        ObjectNode tree = resolve(read, chain);
        child.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("extends") && !e.getKey().equals("set")) {
                tree.set(e.getKey(), e.getValue());
            }
        });
        ObjectNode ordered = ordered(tree);
        JsonNode sets = child.path("set");
        if (!sets.isMissingNode() && !sets.isObject()) {
            throw new ConfigException(graph.source() + ": set: expected a mapping of keys (as for --set) to values");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = sets.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            loader.set(ordered, e.getKey(), e.getValue(), graph.source() + ": set: " + e.getKey());
        }
        return ordered;
    }

    private static String key(GraphLoader.Read graph) {
        return graph.file() == null ? graph.source() : graph.file().toAbsolutePath().normalize().toString();
    }

    /** A file's base path is relative to the file's folder; anything else is read as {@code --method} reads it. */
    private GraphLoader.Read readBase(GraphLoader.Read graph, String base) {
        String method = base;
        boolean path = base.endsWith(".yaml") || base.endsWith(".yml") || base.endsWith(".json");
        if (path && graph.file() != null) {
            Path dir = graph.file().toAbsolutePath().getParent();
            method = dir.resolve(base).normalize().toString();
        }
        try {
            return loader.read(method);
        } catch (ConfigException e) {
            String presets = String.join(", ", loader.presetNames());
            throw new ConfigException(graph.source() + ": extends: " + e.getMessage() + "; presets: " + presets, e);
        }
    }

    private static ObjectNode ordered(ObjectNode tree) {
        ObjectNode out = tree.objectNode();
        for (String key : ORDER) {
            if (tree.has(key)) {
                out.set(key, tree.get(key));
            }
        }
        tree.fields().forEachRemaining(e -> {
            if (!out.has(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }
}
