package org.mvclust.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvclust.runtime.config.Yaml;

/**
 * One (cell, seed) of a bench grid as plain data, so that it can run elsewhere (another thread, process or machine):
 * the method trains like {@code run} into {@code dir}, and {@link BenchRunner} returns the cell's results row.
 * {@code overrides} are every override applied (the bench's and the cell's); {@code cellSets} the cell's own, which
 * identify its rows.
 */
public record BenchTask(String method, String label, String dataset, List<String> overrides, List<String> cellSets,
                        int seed, int runs, String select, int threads, String device, List<String> dataDirs, String dir,
                        boolean quiet, double split, int splitSeed) implements Serializable {
    private static final long serialVersionUID = 1L;

    public BenchTask {
        overrides = List.copyOf(overrides);
        cellSets = List.copyOf(cellSets);
        dataDirs = List.copyOf(dataDirs);
    }

    /** The same task on another device ({@code cpu}, {@code gpu:N}), e.g. the GPU a cluster scheduler assigned. */
    public BenchTask onDevice(String dev) {
        return new BenchTask(method, label, dataset, overrides, cellSets, seed, runs, select, threads, dev, dataDirs, dir, quiet, split, splitSeed);
    }

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("label", label);
        m.put("dataset", dataset);
        m.put("overrides", overrides);
        m.put("cell_sets", cellSets);
        m.put("seed", seed);
        m.put("runs", runs);
        m.put("select", select);
        m.put("threads", threads);
        m.put("device", device);
        m.put("data_dirs", dataDirs);
        m.put("dir", dir);
        m.put("quiet", quiet);
        m.put("split", split);
        m.put("split_seed", splitSeed);
        return json(m);
    }

    @SuppressWarnings("unchecked")
    public static BenchTask fromJson(String json) {
        Map<String, Object> m;
        try {
            m = Yaml.JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a bench task: " + e.getOriginalMessage(), e);
        }
        return new BenchTask((String) m.get("method"), (String) m.get("label"), (String) m.get("dataset"),
                (List<String>) m.get("overrides"), (List<String>) m.get("cell_sets"), ((Number) m.get("seed")).intValue(),
                ((Number) m.get("runs")).intValue(), (String) m.get("select"), ((Number) m.get("threads")).intValue(),
                (String) m.get("device"), (List<String>) m.get("data_dirs"), (String) m.get("dir"), (Boolean) m.get("quiet"),
                m.get("split") instanceof Number sp ? sp.doubleValue() : 0,
                m.get("split_seed") instanceof Number ss ? ss.intValue() : 0);
    }

    /** The row of a task that failed: its cell and seed, and why. */
    public Map<String, Object> errorRow(String error) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("method", label);
        r.put("dataset", dataset);
        r.put("seed", seed);
        r.put("overrides", String.join(" ", cellSets));
        r.put("error", error.replaceAll("\\s+", " ").strip());
        return r;
    }

    static String json(Object o) {
        try {
            return Yaml.JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
