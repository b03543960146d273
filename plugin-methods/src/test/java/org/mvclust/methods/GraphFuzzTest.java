package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.Yaml;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;
import org.mvclust.testkit.TestData;

/**
 * Random mutations of every preset (keys deleted, duplicated or retyped, values swapped, numbers out of range, junk
 * strings, truncated files), each loaded as a graph file and, if it validates, built into a model on small data. Each
 * must end in a valid model or a {@link ConfigException} whose message is mvclust's own: any other exception (which the
 * CLI reports as an internal error) or TensorFlow's own text reaching the message fails the test. A native abort ends
 * the test JVM; {@code target/graph-fuzz-current.yaml} then holds the mutant.
 * A long run: {@code -Dmvclust.fuzz.mutants=N -Dmvclust.fuzz.seed=S -Dmvclust.fuzz.build=all} (see benchmarks/reliability).
 */
class GraphFuzzTest {
    private static final int MUTANTS = Integer.getInteger("mvclust.fuzz.mutants", 12);
    private static final long SEED = Long.getLong("mvclust.fuzz.seed", 1L);
    /** How many validating mutants of each preset are also built ("all" for every one). */
    private static final int BUILDS = "all".equals(System.getProperty("mvclust.fuzz.build"))
            ? Integer.MAX_VALUE : Integer.getInteger("mvclust.fuzz.build", 1);
    private static final Registry REGISTRY = PluginLoader.load(List.of());
    private static final Object[] NUMBERS = {0, -1, -7, 0.5, -0.0, 1e9, 2147483648L, 1e308, -1e308, "NaN", "Infinity", 1e-320};
    private static final String[] JUNK = {"", " ", "${nosuch}", "${1/0}", "${(((}", "\u0000", "é数据", "../../x", "~", "*h",
            "x".repeat(5000), "[1, 2", "{a: 1}", "true", "null"};

    @TempDir
    Path tmp;

    @Test
    void mutatedPresetsEndInAModelOrAClearError() throws Exception {
        GraphLoader loader = new GraphLoader(REGISTRY);
        MultiViewData data = TestData.blobs(24, 3, 2, 5, 4);
        Map<String, Integer> tally = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        Random rnd = new Random(SEED);
        for (String preset : loader.presetNames()) {
            String full = Yaml.toYaml(loader.load(preset, List.of()).tree());
            int built = 0;
            for (int m = 0; m < MUTANTS; m++) {
                String mutant = mutate(full, rnd);
                String where = preset + " mutant " + m + " (seed " + SEED + ")";
                Path file = tmp.resolve(preset + "-" + m + ".yaml");
                Files.writeString(file, mutant, StandardCharsets.UTF_8);
                Files.writeString(Path.of("target/graph-fuzz-current.yaml"), "# " + where + "\n" + mutant, StandardCharsets.UTF_8);
                String outcome;
                try {
                    GraphSpec spec = loader.load(file.toString(), List.of());
                    outcome = "valid graph";
                    if (built++ < BUILDS) {
                        try (Model model = new ModelBuilder(spec, REGISTRY, 3, 1).build(data.views())) {
                            outcome = "built model";
                        }
                    }
                } catch (ConfigException e) {
                    outcome = "clear error";
                    if (leaksTensorFlow(e)) {
                        outcome = "TensorFlow's text";
                        bad.add(where + ": " + e.getMessage());
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    outcome = "internal error";
                    bad.add(where + ": " + e);
                }
                tally.merge(outcome, 1, Integer::sum);
            }
        }
        String summary = "graph fuzz: seed " + SEED + ", " + MUTANTS + " mutants per preset, " + tally;
        System.out.println(summary);
        Files.writeString(Path.of("target/graph-fuzz-summary.txt"), summary + "\n" + String.join("\n", bad) + "\n");
        assertThat(bad).as(summary).isEmpty();
    }

    /** A message that is TensorFlow's own (its exception as the cause, its wording in the text). */
    private static boolean leaksTensorFlow(Throwable e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c.getClass().getName().startsWith("org.tensorflow")) {
                return true;
            }
        }
        return e.getMessage() != null && e.getMessage().matches("(?s).*(Value for attr|must be at least minimum|Check failed).*");
    }

    /** One number out of range, one to three edits of the tree, or an edit of the text (a duplicated line, a truncation). */
    static String mutate(String yaml, Random rnd) throws Exception {
        int kind = rnd.nextInt(10);
        if (kind == 0) {
            return yaml.substring(0, rnd.nextInt(yaml.length()));
        }
        if (kind == 1) {
            List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
            int i = rnd.nextInt(lines.size());
            lines.add(i, lines.get(i));
            return String.join("\n", lines);
        }
        ObjectNode tree = (ObjectNode) Yaml.YAML.readTree(yaml);
        if (kind <= 4) { // one number out of range: such graphs often validate and reach the model builder
            List<JsonNode[]> numbers = new ArrayList<>();
            collect(tree, numbers);
            numbers.removeIf(spot -> !get(spot).isNumber());
            if (!numbers.isEmpty()) {
                put(numbers.get(rnd.nextInt(numbers.size())), NUMBERS[rnd.nextInt(NUMBERS.length)]);
                return Yaml.toYaml(tree);
            }
        }
        for (int n = 1 + rnd.nextInt(3); n > 0; n--) {
            List<JsonNode[]> spots = new ArrayList<>(); // {container, key or index as text}
            collect(tree, spots);
            JsonNode[] a = spots.get(rnd.nextInt(spots.size()));
            JsonNode[] b = spots.get(rnd.nextInt(spots.size()));
            switch (rnd.nextInt(6)) {
                case 0 -> remove(a);
                case 1 -> put(a, NUMBERS[rnd.nextInt(NUMBERS.length)]);
                case 2 -> put(a, JUNK[rnd.nextInt(JUNK.length)]);
                case 3 -> { // swap two values
                    JsonNode va = get(a).deepCopy();
                    put(a, get(b).deepCopy());
                    put(b, va);
                }
                case 4 -> put(a, retyped(get(a), rnd));
                default -> put(a, get(a).isNumber() ? NUMBERS[rnd.nextInt(NUMBERS.length)] : JUNK[rnd.nextInt(JUNK.length)]);
            }
        }
        return Yaml.toYaml(tree);
    }

    private static JsonNode retyped(JsonNode v, Random rnd) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v.isContainerNode()) {
            return rnd.nextBoolean() ? f.textNode(v.toString()) : f.numberNode(v.size());
        }
        return switch (rnd.nextInt(3)) {
            case 0 -> f.arrayNode().add(v.deepCopy());
            case 1 -> f.objectNode().set("x", v.deepCopy());
            default -> v.isNumber() ? f.textNode(v.asText() + "x") : f.numberNode(v.asText().length());
        };
    }

    private static void collect(JsonNode n, List<JsonNode[]> out) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (n instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(k -> {
                out.add(new JsonNode[] {o, f.textNode(k)});
                collect(o.get(k), out);
            });
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new JsonNode[] {a, f.numberNode(i)});
                collect(a.get(i), out);
            }
        }
    }

    private static JsonNode get(JsonNode[] spot) {
        return spot[0] instanceof ObjectNode o ? o.path(spot[1].asText()) : spot[0].path(spot[1].asInt());
    }

    private static void remove(JsonNode[] spot) {
        if (spot[0] instanceof ObjectNode o) {
            o.remove(spot[1].asText());
        } else if (spot[1].asInt() < spot[0].size()) {
            ((ArrayNode) spot[0]).remove(spot[1].asInt());
        }
    }

    private static void put(JsonNode[] spot, Object value) {
        JsonNode v = value instanceof JsonNode j ? j : Yaml.JSON.valueToTree(value);
        if (spot[0] instanceof ObjectNode o) {
            o.set(spot[1].asText(), v);
        } else if (spot[1].asInt() < spot[0].size()) {
            ((ArrayNode) spot[0]).set(spot[1].asInt(), v);
        }
    }
}
