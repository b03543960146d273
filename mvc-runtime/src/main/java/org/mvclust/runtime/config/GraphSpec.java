package org.mvclust.runtime.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.mvclust.runtime.plugin.Kind;

/**
 * A validated method graph: components, tensor wiring, weighted losses, phases, readout, and the tensors to report
 * (evaluated once at the end on all samples, e.g. learned view weights).
 */
public record GraphSpec(String name, String description, String source, Map<String, Object> vars,
                        String preprocess, Map<String, String> readerOptions, Map<String, Map<String, String>> perDataset,
                        Map<String, BufferSpec> buffers, Map<String, NodeSpec> nodes, Map<String, LossSpec> losses,
                        List<PhaseSpec> phases, ReadoutSpec readout, List<TensorRef> report, ObjectNode tree) {

    /** Reader options for the named dataset: the graph's own, then those under {@code dataset.for.NAME}. */
    public Map<String, String> readerOptions(String dataset) {
        Map<String, String> out = new java.util.LinkedHashMap<>(readerOptions);
        out.putAll(perDataset.getOrDefault(dataset, Map.of()));
        return out;
    }

    /** A block instance; per-view nodes are built once per view with their own variables. */
    public record NodeSpec(String id, Kind kind, String type, boolean perView, Map<String, TensorRef> in,
                           Map<String, String> out, Map<String, Object> params) {
    }

    /** A loss instance with its default weight; per-view losses are summed over views. */
    public record LossSpec(String id, String type, boolean perView, Map<String, TensorRef> in, double weight,
                           Map<String, Object> params) {
    }

    /** A per-sample store (samples × width) that actions fill; read as a tensor of the same name, one row per sample. */
    public record BufferSpec(String id, Object width) {
    }

    /**
     * A phase: actions run once at its start, then epochs of mini-batches, each batch running the steps in order
     * (or, with {@code cycle}, batch b running step b mod steps); or a group of phases repeated.
     */
    /**
     * {@code batch}: samples per batch, 0 for the whole dataset; {@code batchRule}: a {@code ${...}} on the dataset's
     * facts ({@code samples}, {@code clusters}, {@code views}) and the graph's variables that gives it instead, or null.
     */
    public record PhaseSpec(String name, List<ActionSpec> actions, int epochs, int batch, String batchRule, boolean cycle,
                            boolean dropLast, List<StepSpec> steps, int repeat, List<PhaseSpec> children) {
        public boolean isGroup() {
            return children != null;
        }
    }

    /**
     * A whole-dataset operation between training: {@code store} evaluates a tensor on all samples into a buffer or
     * variable; {@code kmeans} clusters a tensor and writes centroids and/or one-hot labels.
     */
    public record ActionSpec(String type, TensorRef in, String into, String labels, Object k, Map<String, Object> options) {
    }

    /**
     * One parameter update: weighted losses, the nodes it trains (each with its optimizer settings), clipping, and the
     * trained nodes whose gradient norms are logged (one value per node instance, before clipping).
     */
    public record StepSpec(Map<String, Double> losses, Map<String, OptimizerSpec> train, double clip, List<String> gradNorms) {
    }

    /** An optimizer by name and its resolved settings. */
    public record OptimizerSpec(String type, Map<String, Object> params) {
    }

    public record ReadoutSpec(String type, String in, Map<String, Object> params) {
    }
}
