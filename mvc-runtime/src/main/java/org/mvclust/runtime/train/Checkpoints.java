package org.mvclust.runtime.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.Yaml;
import org.mvclust.runtime.graph.Model;
import org.mvclust.runtime.graph.StateVar;
import org.tensorflow.Result;
import org.tensorflow.Session;

/**
 * Writes a checkpoint every {@code every} epochs and at phase ends, but not within {@code seconds} of the previous one;
 * reads one back for a resumed run of the same fingerprint.
 */
final class Checkpoints implements TrainingListener {
    private final Path file;
    private final int every;
    private final double seconds;
    private final Model model;
    private final String fingerprint;
    private final Profile profile;
    private long last = System.nanoTime();

    Checkpoints(Path file, int every, double seconds, Model model, String fingerprint, Profile profile) {
        this.file = file;
        this.every = every;
        this.seconds = seconds;
        this.model = model;
        this.fingerprint = fingerprint;
        this.profile = profile;
    }

    @Override
    public void epochEnd(EpochEnd e) {
        boolean periodic = every > 0 && e.epoch() % every == 0;
        boolean due = (System.nanoTime() - last) / 1e9 >= seconds;
        if ((periodic || e.last()) && due) {
            long t0 = System.nanoTime();
            save(e);
            profile.add("checkpoints", System.nanoTime() - t0);
        }
    }

    /** The checkpoint to resume from, or null (with a message) when there is none. */
    Checkpoint load(Progress progress) {
        if (!file.toFile().exists()) {
            progress.message("no checkpoint to resume from; starting from the beginning");
            return null;
        }
        Checkpoint ck;
        try {
            ck = Checkpoint.read(file);
        } catch (IOException e) {
            throw new ConfigException("cannot resume: " + e.getMessage(), e);
        }
        if (!java.util.List.of(fingerprint.split(" ")).contains(ck.header().path("fingerprint").asText())) {
            throw new ConfigException("cannot resume: " + file + " was written by a different run "
                    + "(method, overrides, dataset or seed differ); use a new --out or drop --resume");
        }
        for (StateVar v : model.state()) {
            float[] x = ck.values().get(v.name());
            if (x == null || x.length != v.initial().length) {
                throw new ConfigException("cannot resume: " + file + " lacks variable " + v.name()
                        + " or has it with another size");
            }
        }
        return ck;
    }

    private void save(EpochEnd e) {
        last = System.nanoTime();
        Map<String, float[]> values = new LinkedHashMap<>();
        List<StateVar> vars = model.state();
        for (int from = 0; from < vars.size(); from += 64) {
            List<StateVar> part = vars.subList(from, Math.min(vars.size(), from + 64));
            Session.Runner r = e.session().runner();
            part.forEach(v -> r.fetch(v.variable()));
            try (Result res = r.run()) {
                for (int i = 0; i < part.size(); i++) {
                    values.put(part.get(i).name(), Tensors.floats(res.get(i)));
                }
            }
        }
        ObjectNode header = Yaml.JSON.createObjectNode();
        header.put("fingerprint", fingerprint.split(" ")[0]);
        header.put("exec", e.resumeExec());
        header.put("epoch", e.resumeEpoch());
        header.put("step", e.step());
        header.put("position", e.position());
        ArrayNode h = header.putArray("history");
        e.history().forEach(row -> h.add((JsonNode) Yaml.JSON.valueToTree(row)));
        ArrayNode s = header.putArray("steps");
        e.steps().forEach(row -> s.add((JsonNode) Yaml.JSON.valueToTree(row)));
        try {
            new Checkpoint(header, values).write(file);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + ex.getMessage(), ex);
        }
    }
}
