package org.mvclust.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.ConfigException;
import org.mvclust.testkit.TestData;
import org.mvclust.runtime.TestGraphs;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;

class GraphValidationTest {
    private static final Registry REGISTRY = PluginLoader.load(List.of());
    private final GraphLoader loader = new GraphLoader(REGISTRY);

    @Test
    void presetLoadsAndOverridesApply() {
        GraphSpec spec = loader.load(TestGraphs.AE_KMEANS, List.of("fusion=mean", "losses.recon.weight=0.5", "latent=4"));
        assertThat(spec.nodes().get("fusion").type()).isEqualTo("mean");
        assertThat(spec.losses().get("recon").weight()).isEqualTo(0.5);
        assertThat(spec.vars()).containsEntry("latent", 4);
    }

    @Test
    void misspeltComponentSuggestsTheNearestName() {
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("enc=mpl")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ae-kmeans.yaml: nodes.enc.type")
                .hasMessageContaining("'mpl'")
                .hasMessageContaining("mlp");
    }

    @Test
    void unknownParameterNamesTheKeyAndNearestParameter() {
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("enc.hiden=[8]")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nodes.enc.params")
                .hasMessageContaining("hidden");
    }

    @Test
    void wrongTypeIsReported() {
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("enc.params.out=ten")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nodes.enc.params")
                .hasMessageContaining("out");
    }

    @Test
    void unknownTensorAndLossAndMethodAreReported() {
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("readout.in=hh")))
                .hasMessageContaining("readout.in").hasMessageContaining("did you mean: h");
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("phases.pretrain.losses=[recn]")))
                .hasMessageContaining("recon");
        assertThatThrownBy(() -> loader.load("ae-kmeens", List.of()))
                .hasMessageContaining("unknown method 'ae-kmeens'");
    }

    @Test
    void fileErrorsNameTheFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "name: x\nnodes:\n  enc: {kind: encoder, type: mlp\n");
        assertThatThrownBy(() -> loader.load(f.toString(), List.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bad.yaml").hasMessageContaining("line");
        Path g = dir.resolve("g.yaml");
        Files.writeString(g, Files.readString(Path.of(TestGraphs.AE_KMEANS))
                .replace("type: concat", "type: concatt"));
        assertThatThrownBy(() -> loader.load(g.toString(), List.of()))
                .hasMessageContaining("g.yaml: nodes.fusion.type").hasMessageContaining("concat");
    }

    @Test
    void shapeMismatchFailsBeforeTrainingNamingNodeAndView() {
        MultiViewData data = TestData.blobs(40, 2, 1, 5, 7);
        GraphSpec spec = loader.load(TestGraphs.AE_KMEANS, List.of("dec.params.out=6"));
        assertThatThrownBy(() -> new ModelBuilder(spec, REGISTRY, 2, 0).build(data.views()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("losses.recon (view 0)");
    }

    @Test
    void numbersMayNameAGraphVariable() {
        GraphSpec spec = loader.load(TestGraphs.AE_KMEANS, List.of("vars.w=2.5", "losses.recon.weight=${w}", "phases.pretrain.optimizer.lr=${w}"));
        assertThat(spec.losses().get("recon").weight()).isEqualTo(2.5);
        assertThat(spec.phases().get(0).steps().get(0).train().get("enc").params()).containsEntry("lr", 2.5);
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("losses.recon.weight=${v}")))
                .hasMessageContaining("losses.recon.weight").hasMessageContaining("'v'");
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("losses.recon.weight=${dim}")))
                .hasMessageContaining("known only when the model is built");
    }

    @Test
    void optimizerSettingsAreItsDeclaredParameters() {
        GraphSpec spec = loader.load(TestGraphs.AE_KMEANS, List.of("phases.pretrain.optimizer.type=adamw"));
        assertThat(spec.phases().get(0).steps().get(0).train().get("enc").params())
                .containsEntry("lr", 0.001).containsEntry("weight_decay", 0.01).containsEntry("eps", 1e-7);
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("phases.pretrain.optimizer.rho=0.9")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("phases[0].optimizer").hasMessageContaining("'rho'");
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("phases.pretrain.optimizer.type=adamm")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("did you mean: adam");
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("phases.pretrain.optimizer.lr=0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must be > 0");
    }

    @Test
    void preprocessingIsANamedComponent() {
        assertThat(loader.load(TestGraphs.AE_KMEANS, List.of("dataset.preprocess=zscore")).preprocess()).isEqualTo("zscore");
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("dataset.preprocess=minmx")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dataset.preprocess").hasMessageContaining("did you mean: minmax");
    }

    @Test
    void gradNormsNameTrainedNodes() {
        assertThat(loader.load(TestGraphs.AE_KMEANS, List.of("phases.pretrain.grad_norms=true")).phases().get(0).steps().get(0).gradNorms())
                .containsExactly("enc", "dec");
        assertThat(loader.load(TestGraphs.AE_KMEANS, List.of()).phases().get(0).steps().get(0).gradNorms()).isEmpty();
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("phases.pretrain.grad_norms=[fusion]")))
                .hasMessageContaining("phases[0].grad_norms").hasMessageContaining("enc");
    }

    @Test
    void readerOptionsMayDependOnTheDataset() {
        GraphSpec set = loader.load(TestGraphs.AE_KMEANS, List.of("dataset.for.pie.nan=impute-mean", "dataset.nan=drop"));
        assertThat(set.readerOptions("pie")).containsEntry("nan", "impute-mean");
        assertThat(set.readerOptions("hw")).containsEntry("nan", "drop");
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("dataset.for.pie=3")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dataset.for.pie");
    }

    @Test
    void readoutParametersAreCheckedBeforeTraining() {
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("readout.params.restarts=0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("readout.params").hasMessageContaining("restarts must be at least 1");
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("readout.params.max_iter=-5")))
                .hasMessageContaining("max_iter must be at least 0");
        assertThatThrownBy(() -> loader.load(TestGraphs.AE_KMEANS, List.of("readout.params.tol=NaN")))
                .hasMessageContaining("tol must be a finite number");
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNotTheLastOneWinning(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        String graph = java.nio.file.Files.readString(java.nio.file.Path.of(TestGraphs.AE_KMEANS))
                .replace("  latent: 10\n", "  latent: 10\n  latent: 3\n");
        java.nio.file.Path f = java.nio.file.Files.writeString(tmp.resolve("dup.yaml"), graph);
        assertThatThrownBy(() -> loader.load(f.toString(), List.of())).hasMessageContaining("dup.yaml")
                .hasMessageContaining("latent");
    }

    @Test
    void aDeeplyNestedFileIsNamedInTheError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path f = java.nio.file.Files.writeString(tmp.resolve("deep.yaml"),
                "name: deep\nvars: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        assertThatThrownBy(() -> loader.load(f.toString(), List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("deep.yaml");
    }
}
