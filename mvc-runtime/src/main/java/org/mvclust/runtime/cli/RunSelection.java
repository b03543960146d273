package org.mvclust.runtime.cli;

import java.util.List;
import java.util.Map;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.Names;
import org.mvclust.runtime.config.GraphSpec;

/**
 * Which of several runs to keep: the lowest final training loss ({@code min-loss}), or the lowest final value of one
 * loss term ({@code min-loss:TERM}, e.g. the SiMVC framework's {@code ddc1}). Labels are never looked at.
 */
record RunSelection(String term) {
    static final String FORMS = "min-loss (the final training loss) or min-loss:TERM (the final value of loss TERM)";

    static RunSelection parse(String s) {
        if (s.equals("min-loss")) {
            return new RunSelection(null);
        }
        if (s.startsWith("min-loss:") && s.length() > "min-loss:".length()) {
            return new RunSelection(s.substring("min-loss:".length()));
        }
        throw new ConfigException("--select '" + s + "': expected " + FORMS);
    }

    /** Fails before training when TERM is not a loss of the graph. */
    void check(GraphSpec spec) {
        if (term != null && !spec.losses().containsKey(term)) {
            throw new ConfigException("--select min-loss:" + term + ": " + Names.unknown("loss", term, spec.losses().keySet()));
        }
    }

    /** The value a run is ranked by, from what its metrics.json holds. */
    double value(Map<String, Object> run) {
        Object v = term == null ? run.get("final_loss") : ((Map<?, ?>) run.getOrDefault("final_losses", Map.of())).get(term);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Index of the run with the lowest value; a NaN value never wins over a number. */
    int best(List<Map<String, Object>> runs) {
        int best = 0;
        for (int i = 1; i < runs.size(); i++) {
            double v = value(runs.get(i));
            double b = value(runs.get(best));
            if (v < b || Double.isNaN(b) && !Double.isNaN(v)) {
                best = i;
            }
        }
        return best;
    }

    String describe() {
        return term == null ? "lowest final training loss" : "lowest final " + term;
    }

    @Override
    public String toString() {
        return term == null ? "min-loss" : "min-loss:" + term;
    }
}
