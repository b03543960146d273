package org.mvclust.methods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvclust.api.MultiViewData;
import org.mvclust.runtime.cli.Evaluation;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.ModelBuilder;
import org.mvclust.runtime.plugin.Registry;
import org.mvclust.runtime.train.Progress;
import org.mvclust.runtime.train.Trainer;
import org.mvclust.testkit.TestData;
import org.tensorflow.Session;

/** The preset tests' common check: which parts each phase's step moves, then a short run with finite losses. */
final class PresetCheck {
    private PresetCheck() {
    }

    /**
     * On 60 blobs, each phase of {@code trains} (2 epochs, batches of 20 unless named in {@code wholeBatch}) must change
     * exactly its listed {@code parts} (name prefixes) among {@code parts}; then trains briefly with every logged loss
     * finite and a label for every sample.
     */
    static Trainer.Outcome run(Registry registry, String preset, List<String> sets, Map<String, List<String>> trains,
                               List<String> parts, Set<String> wholeBatch) {
        MultiViewData data = TestData.blobs(60, 3, 4, 6, 5);
        List<String> all = new ArrayList<>(sets);
        for (String phase : trains.keySet()) {
            all.add("phases." + phase + ".epochs=2");
            if (!wholeBatch.contains(phase)) {
                all.add("phases." + phase + ".batch=20");
            }
        }
        GraphSpec spec = new GraphLoader(registry).load(preset, all);
        try (Model model = new ModelBuilder(spec, registry, 3, 1).build(data.views());
             Session session = new Session(model.graph())) {
            StepProbe.initialise(session, model);
            assertThat(model.steps().keySet()).containsExactlyInAnyOrderElementsOf(trains.keySet());
            trains.forEach((phase, expected) -> {
                Set<String> changed = StepProbe.changedBy(session, model, model.steps().get(phase).get(0), 20);
                for (String part : parts) {
                    boolean moved = changed.stream().anyMatch(n -> n.startsWith(part));
                    assertThat(moved).as(preset + " " + phase + " changes " + part + " (changed: " + changed + ")")
                            .isEqualTo(expected.contains(part));
                }
            });
        }
        Trainer.Outcome out;
        try (Model model = new ModelBuilder(spec, registry, 3, 1).build(data.views())) {
            out = new Trainer(model, spec, registry, data.samples(), 3,
                    new Trainer.Options(1, 2, null, 0, false, 0, new Progress(null, false)), "fp",
                    List.of(new Evaluation(data.labels()))).run();
        }
        assertThat(out.steps()).isNotEmpty();
        for (Map<String, Object> s : out.steps()) {
            s.forEach((k, v) -> {
                if (v instanceof Double d) {
                    assertThat(d).as(preset + " " + k).isFinite();
                }
            });
        }
        assertThat(out.finalLoss()).isFinite();
        assertThat(out.labels()).hasSize(60);
        return out;
    }

    /** The last training step's logged losses. */
    static Map<String, Object> last(Trainer.Outcome out) {
        return out.steps().get(out.steps().size() - 1);
    }
}
