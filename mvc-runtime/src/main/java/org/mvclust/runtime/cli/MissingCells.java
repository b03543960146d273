package org.mvclust.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.data.Incomplete;

/**
 * A bench cell's missing-view sweep: {@code missing: [0, 0.1, 0.3]} (or one rate), {@code missing_seed: S} and
 * {@code impute: mean|knn} become each dataset's options {@code missing=R,missing_seed=S,impute=...}, one dataset
 * spec per rate.
 */
final class MissingCells {
    private MissingCells() {
    }

    static List<String> datasets(JsonNode cell, String where) {
        List<String> rates = new ArrayList<>();
        JsonNode m = cell.get("missing");
        if (m != null) {
            for (JsonNode r : m.isArray() ? m : List.of(m)) {
                if (!r.isNumber() || r.asDouble() < 0 || r.asDouble() >= 1) {
                    throw new ConfigException(where + ": missing: '" + r + "' is not a rate in [0, 1)");
                }
                rates.add(r.asText());
            }
        }
        List<String> out = new ArrayList<>();
        for (JsonNode d : cell.get("datasets")) {
            if (rates.isEmpty()) {
                out.add(with(d.asText(), cell, null));
            }
            for (String rate : rates) {
                out.add(with(d.asText(), cell, rate));
            }
        }
        return out;
    }

    private static String with(String dataset, JsonNode cell, String rate) {
        List<String> opts = new ArrayList<>();
        if (rate != null) {
            opts.add("missing=" + rate);
            if (cell.hasNonNull("missing_seed")) {
                opts.add("missing_seed=" + cell.get("missing_seed").asText());
            }
        }
        if (cell.hasNonNull("impute")) {
            opts.add("impute=" + cell.get("impute").asText());
        }
        return Incomplete.withOptions(dataset, opts);
    }
}
