package org.mvclust.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.TestGraphs;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;

/** {@code extends:} a base graph, with the child's own sections and {@code set:} entries on top. */
class ExtendsTest {
    private static final Registry REGISTRY = PluginLoader.load(List.of());
    private final GraphLoader loader = new GraphLoader(REGISTRY);

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void childSectionsReplaceAndSetEntriesEditTheBase() throws Exception {
        Files.copy(Path.of(TestGraphs.AE_KMEANS), dir.resolve("base.yaml"));
        Path child = write("child.yaml", """
                extends: base.yaml
                description: a smaller ae-kmeans
                name: child
                set:
                  latent: 4
                  fusion: mean
                  losses.recon.weight: 0.5
                  nodes.extra: {kind: fusion, type: concat, in: {views: "xhat[*]"}, out: {out: e}}
                  phases.1: {name: more, epochs: 2, losses: [recon], train: [enc], optimizer: {type: sgd}}
                """);
        GraphSpec spec = loader.load(child.toString(), List.of("phases.more.epochs=3"));
        assertThat(spec.name()).isEqualTo("child");
        assertThat(spec.description()).isEqualTo("a smaller ae-kmeans");
        assertThat(spec.vars()).containsEntry("latent", 4);
        assertThat(spec.nodes().keySet()).containsExactly("enc", "dec", "fusion", "extra");
        assertThat(spec.nodes().get("fusion").type()).isEqualTo("mean");
        assertThat(spec.losses().get("recon").weight()).isEqualTo(0.5);
        assertThat(spec.phases()).extracting(GraphSpec.PhaseSpec::name).containsExactly("pretrain", "more");
        assertThat(spec.phases().get(1).epochs()).isEqualTo(3);
        assertThat(spec.tree().fieldNames()).toIterable().startsWith("name", "description").doesNotContain("extends", "set");
    }

    @Test
    void aBadSetKeyNamesTheFileAndTheKey() throws Exception {
        write("base.yaml", Files.readString(Path.of(TestGraphs.AE_KMEANS)));
        Path child = write("child.yaml", "extends: base.yaml\nset:\n  nodes.encc.hidden: [8]\n");
        assertThatThrownBy(() -> loader.load(child.toString(), List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("child.yaml: set: nodes.encc.hidden").hasMessageContaining("did you mean: enc");
        write("child.yaml", "extends: base.yaml\nset: [latent=4]\n");
        assertThatThrownBy(() -> loader.load(child.toString(), List.of())).hasMessageContaining("child.yaml: set: expected a mapping");
    }

    @Test
    void aCycleAndAMissingBaseAreReported() throws Exception {
        Path a = write("a.yaml", "extends: b.yaml\nname: a\n");
        write("b.yaml", "extends: a.yaml\nname: b\n");
        assertThatThrownBy(() -> loader.load(a.toString(), List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("extends cycle").hasMessageMatching("(?s).*a\\.yaml -> .*b\\.yaml -> .*a\\.yaml.*");
        Path c = write("c.yaml", "extends: none.yaml\n");
        assertThatThrownBy(() -> loader.load(c.toString(), List.of()))
                .hasMessageContaining("c.yaml: extends: method file").hasMessageContaining("none.yaml does not exist");
    }
}
