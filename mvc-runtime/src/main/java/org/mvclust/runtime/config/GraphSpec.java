package org.mvclust.runtime.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.mvclust.runtime.plugin.Kind;

/** A validated method graph: components, tensor wiring, weighted losses, phases and readout. */
public record GraphSpec(String name, String description, String source, Map<String, Object> vars,
                        String preprocess, Map<String, NodeSpec> nodes, Map<String, LossSpec> losses,
                        List<PhaseSpec> phases, ReadoutSpec readout, ObjectNode tree) {

    /** A block instance; per-view nodes are built once per view with their own variables. */
    public record NodeSpec(String id, Kind kind, String type, boolean perView, Map<String, String> in,
                           Map<String, String> out, Map<String, Object> params) {
    }

    /** A loss instance with its default weight; per-view losses are summed over views. */
    public record LossSpec(String id, String type, boolean perView, Map<String, String> in, double weight,
                           Map<String, Object> params) {
    }

    /** A phase: epochs of mini-batches, each batch running the steps in order; or a group repeated. */
    public record PhaseSpec(String name, int epochs, int batch, List<StepSpec> steps, int repeat, List<PhaseSpec> children) {
        public boolean isGroup() {
            return children != null;
        }
    }

    /** One parameter update: weighted losses, the nodes it trains, optimizer and gradient clipping. */
    public record StepSpec(Map<String, Double> losses, List<String> train, OptimizerSpec optimizer, double clip) {
    }

    public record OptimizerSpec(String type, double lr, double beta1, double beta2, double eps, double rho, double momentum) {
    }

    public record ReadoutSpec(String type, String in, Map<String, Object> params) {
    }
}
