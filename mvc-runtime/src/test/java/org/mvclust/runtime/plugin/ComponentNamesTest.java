package org.mvclust.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Component;
import org.mvclust.api.Matrix;
import org.mvclust.api.ParamSpec;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.GraphParser;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.Yaml;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;

/** Canonical snake_case names, former names as aliases, and choice parameters checked before training. */
class ComponentNamesTest {
    private static final Registry REGISTRY = PluginLoader.load(List.of());

    private static final String GRAPH = """
            nodes:
              enc: {kind: encoder, type: mlp, per_view: true, in: {x: x}, out: {out: z}, params: {hidden: [8], out: 3, activation: ACT}}
              fusion: {kind: fusion, type: mean, in: {views: "z[*]"}, out: {out: h}}
              anchors: {kind: head, type: anchors, in: {z: h}, out: {anchors: u}}
              graph: {kind: head, type: anchor-graph, in: {z: h, anchors: u}, out: {s: s}, params: {k: 2}}
              q: {kind: head, type: studentt, in: {z: h}, out: {q: q}}
              ode: {kind: head, type: nmode, in: {x: h}, out: {p: p}, params: {neurons: 4, solver: dopri5-adaptive, steps: 2}}
            losses:
              a: {type: mse, per_view: true, in: {pred: z, target: z}}
              b: {type: anchor-entropy, in: {z: h, anchors: u}}
              c: {type: crossentropy, in: {target: q, pred: p}}
            phases:
              - name: train
                epochs: 1
                losses: [a, b, c]
                train: [enc]
                optimizer: {type: adam}
            readout: {type: kmeans, in: h}
            """;

    private static GraphSpec parse(String yaml) throws Exception {
        return new GraphParser(REGISTRY, "test").parse((ObjectNode) Yaml.YAML.readTree(yaml));
    }

    @Test
    void everyNameIsSnakeCaseAndFormerNamesResolveToTheSameComponent() {
        for (Kind kind : Kind.values()) {
            for (Component c : REGISTRY.all(kind).values()) {
                assertThat(c.name()).as(kind.label).matches("[a-z][a-z0-9_]*");
                for (String alias : c.aliases()) {
                    assertThat((Component) REGISTRY.get(kind, alias, "test")).isSameAs(c);
                    assertThat(REGISTRY.all(kind)).doesNotContainKey(alias);
                }
            }
        }
        assertThat((Component) REGISTRY.get(Kind.HEAD, "anchor-graph", "test")).isSameAs(REGISTRY.get(Kind.HEAD, "anchor_graph", "test"));
        assertThat((Component) REGISTRY.get(Kind.HEAD, "dectarget", "test")).isSameAs(REGISTRY.get(Kind.HEAD, "dec_target", "test"));
        assertThat((Component) REGISTRY.get(Kind.LOSS, "crossentropy", "test")).isSameAs(REGISTRY.get(Kind.LOSS, "cross_entropy", "test"));
        assertThat((Component) REGISTRY.get(Kind.SOLVER, "dopri5-adaptive", "test")).isSameAs(REGISTRY.get(Kind.SOLVER, "dopri5_adaptive", "test"));
    }

    @Test
    void aGraphWithFormerNamesBuildsLikeOneWithTheNewNames() throws Exception {
        Random rng = new Random(1);
        List<Matrix> views = List.of(random(30, 5, rng), random(30, 7, rng));
        String old = GRAPH.replace("ACT", "leaky_relu:0.1");
        String renamed = old.replace("anchor-graph", "anchor_graph").replace("studentt", "student_t")
                .replace("dopri5-adaptive", "dopri5_adaptive").replace("anchor-entropy", "anchor_entropy")
                .replace("crossentropy", "cross_entropy");
        assertThat(renamed).isNotEqualTo(old);
        List<List<String>> ops = new ArrayList<>();
        for (String yaml : List.of(old, renamed)) {
            try (Model m = new ModelBuilder(parse(yaml), REGISTRY, 3, 1).build(views)) {
                List<String> names = new ArrayList<>();
                m.graph().operations().forEachRemaining(op -> names.add(op.name() + " " + op.type()));
                ops.add(names);
            }
        }
        assertThat(ops.get(0)).contains("ode/MatMul MatMul").isEqualTo(ops.get(1));
    }

    @Test
    void aBadChoiceFailsWhileParsingNamingTheNodeKeyAndAllowedValues() {
        assertThatThrownBy(() -> parse(GRAPH.replace("ACT", "lrelu")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("enc").hasMessageContaining("activation").hasMessageContaining("'lrelu'")
                .hasMessageContaining("did you mean: relu").hasMessageContaining("leaky_relu:SLOPE");
        assertThatThrownBy(() -> parse(GRAPH.replace("ACT", "relu").replace("solver: dopri5-adaptive", "solver: rk5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ode").hasMessageContaining("solver")
                .hasMessageContaining("rk4").hasMessageContaining("dopri5_adaptive");
    }

    @Test
    void aChoiceAdmitsItsValuesAndOpenPrefixesOnly() {
        ParamSpec act = ParamSpec.ofChoice("activation", "relu", List.of("relu", "leaky_relu:SLOPE"), "test");
        assertThat(act.admits("relu")).isTrue();
        assertThat(act.admits("leaky_relu:0.3")).isTrue();
        assertThat(act.admits("leaky_relu")).isFalse();
        assertThat(act.admits("tanh")).isFalse();
        assertThatThrownBy(() -> ParamSpec.ofChoice("init", "xavier", List.of("he"), "test")).hasMessageContaining("xavier");
        assertThatThrownBy(() -> ParamSpec.ofChoice("init", "he", List.of(), "test")).hasMessageContaining("allowed values");
    }

    @Test
    void theSolverChoicesAreTheRegisteredSolverNamesAndAliases() {
        Component nmode = REGISTRY.get(Kind.HEAD, "nmode", "test");
        ParamSpec solver = nmode.params().stream().filter(p -> p.name().equals("solver")).findFirst().orElseThrow();
        TreeSet<String> registered = new TreeSet<>();
        for (Component s : REGISTRY.all(Kind.SOLVER).values()) {
            registered.add(s.name());
            registered.addAll(s.aliases());
        }
        assertThat(new TreeSet<>(solver.allowed())).isEqualTo(registered);
    }

    private static Matrix random(int rows, int cols, Random rng) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return new Matrix(rows, cols, v);
    }
}
