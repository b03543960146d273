package org.mvclust.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mvclust.api.Matrix;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphParser;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.Yaml;
import org.mvclust.runtime.plugin.PluginLoader;
import org.mvclust.runtime.plugin.Registry;

/** k-means k taken from the centroid variable's rows when not given. */
class KMeansActionKTest {
    private static final Registry REGISTRY = PluginLoader.load(List.of());

    private static final String GRAPH = """
            nodes:
              enc: {kind: encoder, type: mlp, per_view: true, in: {x: x}, out: {out: z}, params: {hidden: [8], out: 3}}
              fusion: {kind: fusion, type: mean, in: {views: "z[*]"}, out: {out: h}}
              anchors: {kind: head, type: anchors, in: {z: h}, out: {anchors: u}}
            losses:
              a: {type: mse, per_view: true, in: {pred: z, target: z}}
              b: {type: anchor-entropy, in: {z: h, anchors: u}}
            phases:
              - name: train
                actions: [{kmeans: {in: h, centroids: anchors.init}}]
                epochs: 1
                losses: [a, b]
                train: [enc]
                optimizer: {type: adam}
            readout: {type: kmeans, in: h}
            """;

    private static GraphSpec parse(String yaml) throws Exception {
        return new GraphParser(REGISTRY, "test").parse((ObjectNode) Yaml.YAML.readTree(yaml));
    }

    @Test
    void kmeansWithoutKUsesTheCentroidRows() throws Exception {
        Random rng = new Random(1);
        List<Matrix> views = List.of(random(40, 5, rng), random(40, 7, rng));
        try (Model m = new ModelBuilder(parse(GRAPH), REGISTRY, 3, 1).build(views)) {
            KMeansAction c = (KMeansAction) m.actions().get("train").get(0);
            assertThat(c.k()).isEqualTo(10); // floor(sqrt(40 · 3)), chosen by the anchors block
        }
        try (Model m = new ModelBuilder(parse(GRAPH.replace("centroids: anchors.init}", "centroids: anchors.init, k: 4}")),
                REGISTRY, 3, 1).build(views)) {
            org.junit.jupiter.api.Assertions.fail("k = 4 against 10 anchors must be refused");
        } catch (ConfigException e) {
            assertThat(e.getMessage()).contains("k-means writes 4");
        }
    }

    private static Matrix random(int rows, int cols, Random rng) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return new Matrix(rows, cols, v);
    }
}
