package org.mvclust.runtime.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.TestGraphs;
import org.mvclust.runtime.plugin.PluginLoader;

/** Graph files and overrides that were once read silently wrong. */
class YamlHostileTest {
    private final GraphLoader loader = new GraphLoader(PluginLoader.load(List.of()));

    private static void parse(String yaml) {
        GraphLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "g.yaml");
    }

    @Test
    void anAliasIsRefusedWithItsPlaceInsteadOfReadAsTheAnchorsName() {
        assertThatThrownBy(() -> parse("vars:\n  h: &h [16, 16]\nnodes:\n  enc:\n    hidden: *h\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("g.yaml").hasMessageContaining("alias *h is not supported")
                .hasMessageContaining("line 5");
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("latent=*x")))
                .hasMessageContaining("alias *x");
    }

    @Test
    void aLossWeightMustBeFinite() {
        for (String w : List.of("NaN", "Infinity", "-Infinity", "1e999")) {
            assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("losses.recon.weight=" + w)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("losses.recon.weight").hasMessageContaining("finite number");
        }
    }

    @Test
    void aVariableHoldingAReferenceSaysSo() {
        var out = org.mvclust.api.ParamSpec.ofInt("out", 8, "width of the output layer");
        assertThatThrownBy(() -> ParamResolver.convert("nodes.enc.params.out", out, "${latent}",
                java.util.Map.of("latent", "${nosuch}"), java.util.Set.of("latent")))
                .hasMessageContaining("got '${nosuch}'").hasMessageContaining("cannot refer to another variable");
    }

    @Test
    void aListParameterOfThousandsOfValuesIsRefused() {
        var hidden = org.mvclust.api.ParamSpec.ofInts("hidden", List.of(8), "widths of the hidden layers");
        List<Integer> deep = java.util.Collections.nCopies(2000, 2);
        assertThatThrownBy(() -> ParamResolver.convert("nodes.enc.params.hidden", hidden, deep, java.util.Map.of(), java.util.Set.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nodes.enc.params.hidden")
                .hasMessageContaining("a list of 2000 values (at most 100)");
        ParamResolver.convert("nodes.enc.params.hidden", hidden, java.util.Collections.nCopies(100, 2), java.util.Map.of(),
                java.util.Set.of());
    }

    @Test
    void anIntegerBeyondTheIntRangeIsAGraphError() {
        for (String v : List.of("2147483648", "1e300", "-3000000000")) {
            assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("enc.params.out=" + v)))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("nodes.enc.params.out: expected int");
        }
    }
}
