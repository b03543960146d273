package org.mvclust.runtime.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The bench summary's table of split cells: in-sample metrics beside those of the held-back samples. */
final class HeldOutTable {
    private HeldOutTable() {
    }

    /** Empty when no row has held-back metrics. */
    static String markdown(Map<String, List<Map<String, Object>>> groups) {
        StringBuilder md = new StringBuilder();
        for (var e : groups.entrySet()) {
            List<Map<String, Object>> g = e.getValue();
            if (g.stream().noneMatch(r -> r.get("held_acc") instanceof Number)) {
                continue;
            }
            if (md.length() == 0) {
                md.append("\nSplit cells: trained on part of the samples (metrics above), the held-back rest labelled by the model.\n\n")
                        .append("| method | dataset | seeds | held-back samples | ACC in / held | NMI in / held | Δ ACC | ACC in, labelled by the model |\n")
                        .append("|---|---|---|---|---|---|---|---|\n");
            }
            String[] key = e.getKey().split("\t");
            double acc = mean(g, "acc");
            double held = mean(g, "held_acc");
            double byModel = mean(g, "model_acc");
            md.append(String.format(Locale.ROOT, "| %s | `%s` | %d | %.0f | %.4f / %.4f | %.4f / %.4f | %+.4f | %s |%n", key[0], key[1], g.size(),
                    mean(g, "held_samples"), acc, held, mean(g, "nmi"), mean(g, "held_nmi"), held - acc,
                    Double.isNaN(byModel) ? "–" : String.format(Locale.ROOT, "%.4f", byModel)));
        }
        for (var e : groups.entrySet()) {
            e.getValue().stream().map(r -> r.get("held_refused")).filter(java.util.Objects::nonNull).findFirst().ifPresent(why ->
                    md.append(String.format("%nHeld-back samples of %s on `%s` not labelled: %s%n", e.getKey().split("\t")[0],
                            e.getKey().split("\t")[1], why)));
        }
        return md.toString();
    }

    private static double mean(List<Map<String, Object>> g, String k) {
        return g.stream().mapToDouble(r -> r.get(k) instanceof Number n ? n.doubleValue() : Double.NaN).average().orElse(Double.NaN);
    }
}
