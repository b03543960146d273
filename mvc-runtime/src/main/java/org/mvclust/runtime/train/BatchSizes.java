package org.mvclust.runtime.train;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.GraphParser;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.GraphSpec.PhaseSpec;
import org.mvclust.runtime.config.ParamResolver;

/** Each training phase's batch for one dataset: its number, the whole dataset, or its rule on the dataset's facts. */
final class BatchSizes {
    private final Map<PhaseSpec, Integer> sizes = new IdentityHashMap<>();

    BatchSizes(GraphSpec spec, int samples, int clusters, int views, int totalDim) {
        Map<String, Object> vars = new LinkedHashMap<>(spec.vars());
        vars.put("samples", samples);
        vars.put("clusters", clusters);
        vars.put("views", views);
        vars.put("total_dim", totalDim);
        add(spec.phases(), "phases", spec, vars, samples);
    }

    private void add(List<PhaseSpec> phases, String at, GraphSpec spec, Map<String, Object> vars, int samples) {
        for (PhaseSpec p : phases) {
            String where = at + "." + p.name();
            if (p.isGroup()) {
                add(p.children(), where + ".phases", spec, vars, samples);
                continue;
            }
            int b = p.batch();
            if (p.batchRule() != null) {
                Object v = ParamResolver.resolve(spec.source() + ": " + where + ".batch", List.of(GraphParser.BATCH),
                        Map.of("batch", p.batchRule()), vars).asMap().get("batch");
                b = ((Number) v).intValue();
                if (b < 1) {
                    throw new ConfigException(spec.source() + ": " + where + ".batch: " + p.batchRule() + " gives " + b
                            + " on this dataset (" + samples + " samples); a batch needs at least 1");
                }
            }
            sizes.put(p, b == 0 || b > samples ? samples : b);
        }
    }

    int of(PhaseSpec phase) {
        return sizes.get(phase);
    }
}
