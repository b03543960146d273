package org.mvclust.runtime.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.mvclust.api.PresetProvider;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.Names;
import org.mvclust.runtime.plugin.Kind;
import org.mvclust.runtime.plugin.Registry;

/** Loads a method graph from a preset name or a file, applies {@code --set} overrides, and validates it. */
public final class GraphLoader {
    private final Registry registry;

    @Inject
    public GraphLoader(Registry registry) {
        this.registry = registry;
    }

    public List<String> presetNames() {
        TreeSet<String> names = new TreeSet<>();
        registry.presetProviders().forEach(p -> names.addAll(p.presets()));
        return List.copyOf(names);
    }

    /** {@code method} is a preset name or a path to a .yaml/.json file. */
    public GraphSpec load(String method, List<String> overrides) {
        Read read = read(method);
        ObjectNode tree = new Inheritance(this).resolve(read);
        for (String o : overrides) {
            apply(tree, o);
        }
        return new GraphParser(registry, read.source()).parse(tree);
    }

    /** A graph file as written, before {@code extends} is resolved; {@code file} is null for a preset. */
    record Read(String source, Path file, ObjectNode tree) {
    }

    Read read(String method) {
        Path file = Path.of(method);
        if (method.endsWith(".yaml") || method.endsWith(".yml") || method.endsWith(".json") || Files.isRegularFile(file)) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("method file " + file.toAbsolutePath() + " does not exist");
            }
            String source = file.toString();
            try (InputStream in = Files.newInputStream(file)) {
                return new Read(source, file, parse(in, source));
            } catch (IOException e) {
                throw new ConfigException(source + ": cannot read: " + e.getMessage(), e);
            }
        }
        String source = "preset " + method;
        return new Read(source, null, parse(openPreset(method), source));
    }

    private InputStream openPreset(String name) {
        for (PresetProvider p : registry.presetProviders()) {
            if (p.presets().contains(name)) {
                try {
                    return p.open(name);
                } catch (IOException e) {
                    throw new ConfigException("preset " + name + ": " + e.getMessage(), e);
                }
            }
        }
        throw new ConfigException(Names.unknown("method", name, presetNames()) + "; or give a path to a .yaml graph");
    }

    static ObjectNode parse(InputStream in, String source) {
        try (in) {
            JsonNode n = Yaml.YAML.readTree(in);
            if (n == null || !n.isObject()) {
                throw new ConfigException(source + ": expected a YAML mapping at the top");
            }
            return (ObjectNode) n;
        } catch (JsonProcessingException e) {
            var at = e.getLocation(); // null for some limits, e.g. the nesting depth
            throw new ConfigException(source + ": " + e.getOriginalMessage()
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()), e);
        } catch (StackOverflowError e) {
            throw new ConfigException(source + ": nested too deeply to read");
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Applies one {@code key=value} override. Keys are paths in the graph ({@code losses.recon.weight}) with shortcuts:
     * a node id alone sets its type ({@code fusion=mean}), {@code node.param} sets a parameter, a variable name sets it,
     * and phases are addressed by name ({@code phases.pretrain.epochs}), list elements by index ({@code steps.1}).
     * A null value ({@code ~}) removes the key or list element ({@code phases.train.steps.1=~}).
     */
    public void apply(ObjectNode tree, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set " + override + ": expected key=value");
        }
        String key = override.substring(0, eq).strip();
        JsonNode value;
        try {
            value = Yaml.YAML.readTree("v: " + override.substring(eq + 1)).get("v");
        } catch (JsonProcessingException e) {
            throw new ConfigException("--set " + override + ": value is not valid YAML: " + e.getOriginalMessage());
        }
        String raw = override.substring(eq + 1).strip();
        boolean remove = raw.equals("~") || raw.equals("null");
        if (!remove && (value == null || value.isNull())) {
            throw new ConfigException("--set " + override + ": no value (write ~ to remove " + key + ")");
        }
        set(tree, key, remove ? null : value, "--set " + key);
    }

    /**
     * Sets {@code key} (a path as for {@code --set}) to {@code value}, or removes it when the value is null; an index
     * equal to a list's length appends. {@code where} starts every error message.
     */
    void set(ObjectNode tree, String key, JsonNode value, String where) {
        boolean remove = value == null || value.isNull();
        List<String> path = new ArrayList<>(List.of(key.split("\\.")));
        expandShortcuts(tree, path, where);
        JsonNode cur = tree;
        for (int i = 0; i < path.size() - 1; i++) {
            String seg = path.get(i);
            JsonNode next = child(cur, seg);
            if (next == null && cur.isObject() && isOpenMap(path, i)) {
                next = ((ObjectNode) cur).putObject(seg);
            }
            if (next == null) {
                throw new ConfigException(where + ": " + Names.unknown("key", seg, fieldNames(cur)));
            }
            cur = next;
        }
        String last = path.get(path.size() - 1);
        if (cur instanceof ArrayNode list) {
            int at = -1;
            for (int i = 0; i < list.size(); i++) {
                if (last.equals(list.get(i).path("name").asText()) || last.equals(String.valueOf(i))) {
                    at = i;
                    break;
                }
            }
            if (at < 0 && !remove && last.equals(String.valueOf(list.size()))) {
                list.add(value);
                return;
            }
            if (at < 0) {
                throw new ConfigException(where + ": no element '" + last + "' in a list of " + list.size()
                        + " (index " + list.size() + " appends)");
            }
            if (remove) {
                list.remove(at);
            } else {
                list.set(at, value);
            }
            return;
        }
        if (!cur.isObject()) {
            throw new ConfigException(where + ": '" + path.get(path.size() - 2) + "' is not a mapping");
        }
        if (remove) {
            if (!cur.has(last)) {
                throw new ConfigException(where + ": nothing to remove: " + Names.unknown("key", last, fieldNames(cur)));
            }
            ((ObjectNode) cur).remove(last);
        } else {
            ((ObjectNode) cur).set(last, value);
        }
    }

    private void expandShortcuts(ObjectNode tree, List<String> path, String where) {
        String first = path.get(0);
        if (GraphParser.TOP.contains(first)) {
            return;
        }
        JsonNode nodes = tree.path("nodes");
        JsonNode losses = tree.path("losses");
        if (nodes.has(first)) {
            path.add(0, "nodes");
        } else if (losses.has(first)) {
            path.add(0, "losses");
        } else if (tree.path("vars").has(first)) {
            path.add(0, "vars");
            return;
        } else if (path.size() == 1 && Kind.byLabel(first) != null) {
            List<String> ids = new ArrayList<>();
            nodes.fields().forEachRemaining(e -> {
                if (first.equals(e.getValue().path("kind").asText())) {
                    ids.add(e.getKey());
                }
            });
            if (ids.size() != 1) {
                throw new ConfigException(where + ": " + ids.size() + " nodes of kind " + first + " " + ids
                        + "; name the node instead");
            }
            path.set(0, ids.get(0));
            path.add(0, "nodes");
        } else {
            List<String> all = new ArrayList<>(GraphParser.TOP);
            nodes.fieldNames().forEachRemaining(all::add);
            losses.fieldNames().forEachRemaining(all::add);
            tree.path("vars").fieldNames().forEachRemaining(all::add);
            throw new ConfigException(where + ": " + Names.unknown("key", first, all));
        }
        if (path.size() == 2) {
            path.add("type");
        } else if (!GraphParser.NODE.contains(path.get(2))) {
            path.add(2, "params");
        }
    }

    /** Optional sections that an override may create; what goes in them is validated by the parser. */
    private static boolean isOpenMap(List<String> path, int i) {
        boolean datasetFor = i >= 1 && path.get(i - 1).equals("dataset") && path.get(i).equals("for")
                || i >= 2 && path.get(i - 2).equals("dataset") && path.get(i - 1).equals("for");
        return datasetFor || List.of("params", "vars", "dataset", "optimizer").contains(path.get(i));
    }

    private static JsonNode child(JsonNode cur, String seg) {
        if (cur.isObject()) {
            return cur.get(seg);
        }
        if (cur.isArray()) {
            for (JsonNode e : cur) {
                if (seg.equals(e.path("name").asText())) {
                    return e;
                }
            }
            if (seg.matches("\\d+") && Integer.parseInt(seg) < cur.size()) {
                return cur.get(Integer.parseInt(seg));
            }
            for (JsonNode e : cur) {
                JsonNode inner = e.get("phases");
                if (inner instanceof ArrayNode) {
                    JsonNode found = child(inner, seg);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(names::add);
        } else if (n.isArray()) {
            n.forEach(e -> names.add(e.path("name").asText()));
        }
        return names;
    }
}
