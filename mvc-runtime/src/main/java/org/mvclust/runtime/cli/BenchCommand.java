package org.mvclust.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.Yaml;
import org.mvclust.runtime.data.DataResolver;
import org.mvclust.runtime.graph.Flops;
import org.mvclust.runtime.report.Csv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mvclust bench}: a grid of methods × datasets × seeds, resumable, summarised beside the papers' numbers. */
@Command(name = "bench", description = "Run methods × datasets × seeds; write results/NAME.csv, results/NAME.md and every run's files; "
        + "running it again finishes only the missing cells (a run counts as done if its metrics.json exists, or its row is in results/NAME.csv; "
        + "rows there for seeds beyond --seeds are kept).")
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--methods", split = ",", paramLabel = "M", description = "Presets or graph files, comma-separated.")
    List<String> methods = new ArrayList<>();

    @Option(names = "--datasets", split = ";", paramLabel = "D", description = "Dataset specs, separated by ';' (a spec may hold commas: hw:views=1,2,4); repeatable.")
    List<String> datasets = new ArrayList<>();

    @Option(names = "--seeds", description = "Seeds 0..N-1 (default: the grid's 'seeds', else 3).")
    Integer seeds;

    @Option(names = "--grid", paramLabel = "FILE", description = "YAML grid: {name, seeds, cells: [{method, name (labels the cell; default the method), datasets: [..], set: [k=v..], "
            + "seeds (at most this many for the cell), runs, select}]}.")
    Path grid;

    @Option(names = "--name", description = "Grid name (default: the grid's 'name', else its file name, else 'bench').")
    String name;

    @Option(names = "--results", defaultValue = "results", paramLabel = "DIR", description = "Where results go (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--reported", paramLabel = "CSV", defaultValue = "benchmarks/reported.csv",
            description = "The papers' numbers: method,dataset,metric,value,source (default: ${DEFAULT-VALUE}, skipped if absent).")
    Path reported;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override applied to every method; repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--runs", description = "Each seed S trains N runs (seeds S·N..S·N+N−1) and keeps the one --select ranks first; "
            + "a cell's 'runs' wins (default: 1).")
    Integer runs;

    @Option(names = "--select", description = "Which of the runs to keep: " + RunSelection.FORMS + "; a cell's 'select' wins (default: min-loss).")
    String select;

    @Mixin
    ComputeOptions compute;

    @Mixin
    DeviceOption device;

    /** One grid cell; {@code label} (the cell's {@code name} or {@code label}, default the method) names its results. */
    private record Cell(String method, String label, String dataset, List<String> sets, int maxSeeds, int runs, RunSelection select,
                        double split, int splitSeed) {
    }

    /** {@code split_seed: seed}: each seed of the cell draws its own split. */
    private static final int SPLIT_BY_SEED = -1;

    private static final List<String> CELL_KEYS = List.of("method", "name", "label", "datasets", "set", "seeds", "runs", "select",
            "missing", "missing_seed", "impute", "split", "split_seed");

    private final BenchRunner runner;

    @Inject
    BenchCommand(BenchRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() throws Exception {
        RunChecks.threads(compute.threads);
        List<Cell> cells = cells();
        String gridName = name != null ? name : grid != null ? grid.getFileName().toString().replaceAll("\\.ya?ml$", "") : "bench";
        if (!gridName.matches("[A-Za-z0-9_=-][A-Za-z0-9_.=-]*")) {
            throw new ConfigException("grid name '" + gridName + "': use letters, digits and . _ = - only (it names files in --results)");
        }
        Path base = results.resolve(gridName);
        Files.createDirectories(base);
        Path csv = results.resolve(gridName + ".csv");
        Map<String, Map<String, Object>> earlier = earlierRows(csv);
        List<Map<String, Object>> rows = new ArrayList<>(); // null where a task is still to run
        List<BenchTask> pending = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int total = cells.stream().mapToInt(c -> Math.min(seeds, c.maxSeeds())).sum();
        int done = 0;
        for (Cell cell : cells) {
            for (int s = 0; s < Math.min(seeds, cell.maxSeeds()); s++) {
                Path dir = base.resolve(safe(cell.label())).resolve(safe(cell.dataset())).resolve("s" + s);
                Path metrics = dir.resolve("metrics.json");
                Map<String, Object> row = earlier.get(key(cell.label(), cell.dataset(), s, cell.sets()));
                done++;
                List<String> wanted = new ArrayList<>(sets);
                wanted.addAll(cell.sets());
                BenchTask task = new BenchTask(cell.method(), cell.label(), cell.dataset(), wanted, cell.sets(), s, cell.runs(),
                        cell.select().toString(), compute.threads, device.device, dataDir.dirs().stream().map(Path::toString).toList(),
                        dir.toString(), compute.quiet, cell.split(), cell.splitSeed() == SPLIT_BY_SEED ? s : cell.splitSeed());
                @SuppressWarnings("unchecked")
                Map<String, Object> before = Files.isRegularFile(metrics)
                        ? Yaml.JSON.convertValue(Yaml.JSON.readTree(metrics.toFile()), Map.class) : null;
                if (before != null && before.get("overrides") instanceof List<?> made && !wanted.equals(made)) {
                    System.err.printf("[%d/%d] %s on %s seed %d: the run in %s was made with %s, the cell now says %s: "
                            + "training it again%n", done, total, cell.label(), cell.dataset(), s, dir,
                            made, wanted);
                    try (var stale = Files.walk(dir)) { // the run's metrics.json and those of its --runs
                        for (Path f : stale.filter(f -> f.getFileName().toString().equals("metrics.json")).toList()) {
                            Files.delete(f);
                        }
                    }
                    before = null;
                    row = null;
                }
                if (before != null) {
                    row = runner.row(task, before);
                    System.err.printf("[%d/%d] %s on %s seed %d: done earlier%n", done, total, cell.label(), cell.dataset(), s);
                } else if (row != null) {
                    System.err.printf("[%d/%d] %s on %s seed %d: done earlier (row in %s; its run files are gone)%n",
                            done, total, cell.label(), cell.dataset(), s, csv);
                } else {
                    pending.add(task);
                    slots.add(rows.size());
                    counts.add(done);
                }
                rows.add(row);
            }
            for (int s = Math.min(seeds, cell.maxSeeds()); s < cell.maxSeeds(); s++) {
                Map<String, Object> kept = earlier.get(key(cell.label(), cell.dataset(), s, cell.sets()));
                if (kept == null) {
                    break;
                }
                rows.add(kept);
            }
        }
        if (RemoteBench.engine != null && !pending.isEmpty()) {
            System.err.printf("%d of %d tasks to run%n", pending.size(), total);
            List<String> out = RemoteBench.engine.apply(pending.stream().map(BenchTask::toJson).toList());
            for (int i = 0; i < pending.size(); i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> r = Yaml.JSON.readValue(out.get(i), LinkedHashMap.class);
                rows.set(slots.get(i), r);
            }
        } else {
            Experiment exp = null;
            BenchTask opened = null;
            for (int i = 0; i < pending.size(); i++) {
                BenchTask t = pending.get(i);
                try { // a failing cell records its error and the grid goes on
                    if (opened == null || !sameCell(opened, t)) {
                        opened = null;
                        exp = runner.open(t);
                        opened = t;
                    }
                    System.err.printf("[%d/%d] %s, seed %d%s -> %s%n", counts.get(i), total, exp.describe(), t.seed(),
                            t.runs() > 1 ? " (" + t.runs() + " runs, " + t.select() + ")" : "", t.dir());
                    rows.set(slots.get(i), runner.run(t, exp));
                } catch (ConfigException | org.mvclust.api.DatasetException | IOException e) {
                    System.err.printf("[%d/%d] %s on %s seed %d: error: %s%n", counts.get(i), total, t.label(),
                            t.dataset(), t.seed(), Main.message(e));
                    rows.set(slots.get(i), t.errorRow(Main.message(e)));
                }
                Outputs.write(csv, Outputs.csv(rows.stream().filter(r -> r != null).toList()));
            }
        }
        Outputs.write(csv, Outputs.csv(rows));
        int failed = (int) rows.stream().filter(BenchCommand::failed).count();
        double rate = Flops.matmulRate(2048, compute.threads);
        Outputs.write(results.resolve(gridName + ".md"), markdown(gridName, rows, rate));
        System.out.println("wrote " + results.resolve(gridName + ".csv") + " and " + results.resolve(gridName + ".md"));
        if (failed > 0) {
            System.err.println("error: " + failed + " of " + total + " runs failed (their rows hold the error)");
            return Main.USAGE;
        }
        return 0;
    }

    private List<Cell> cells() throws IOException {
        List<Cell> out = new ArrayList<>();
        if (grid != null) {
            JsonNode g;
            try {
                g = Yaml.YAML.readTree(grid.toFile());
            } catch (IOException e) {
                throw new ConfigException(grid + ": " + e.getMessage(), e);
            }
            for (var it = g.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!List.of("name", "seeds", "cells").contains(key)) {
                    throw new ConfigException(grid + ": unknown key '" + key + "' (known: name, seeds, cells)");
                }
            }
            if (seeds == null && g.has("seeds")) {
                seeds = g.get("seeds").asInt();
            }
            if (name == null && g.hasNonNull("name")) {
                name = g.get("name").asText();
            }
            if (!g.has("cells") || !g.get("cells").isArray()) {
                throw new ConfigException(grid + ": needs a list 'cells' of {method, name?, datasets: [..], set: [..]}");
            }
            int i = 0;
            for (JsonNode c : g.get("cells")) {
                if (!c.hasNonNull("method") || !c.has("datasets")) {
                    throw new ConfigException(grid + ": cells[" + i + "] needs 'method' and 'datasets'");
                }
                for (var it = c.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    if (!CELL_KEYS.contains(key)) {
                        throw new ConfigException(grid + ": cells[" + i + "]: unknown key '" + key + "' (known: " + String.join(", ", CELL_KEYS) + ")");
                    }
                }
                int maxSeeds = atLeastOne(c, "seeds", Integer.MAX_VALUE, grid + ": cells[" + i + "]");
                int cellRuns = atLeastOne(c, "runs", runs == null ? 1 : runs, grid + ": cells[" + i + "]");
                RunSelection cellSelect = selection(c.hasNonNull("select") ? c.get("select").asText() : select, grid + ": cells[" + i + "]: ");
                List<String> cs = new ArrayList<>();
                c.path("set").forEach(x -> cs.add(x.asText()));
                for (String d : MissingCells.datasets(c, grid + ": cells[" + i + "]")) {
                    String method = c.get("method").asText();
                    out.add(new Cell(method, c.hasNonNull("label") ? c.get("label").asText() : c.path("name").asText(method), d, cs,
                            maxSeeds, cellRuns, cellSelect, split(c, grid + ": cells[" + i + "]"), splitSeed(c, grid + ": cells[" + i + "]")));
                }
                i++;
            }
        }
        for (String m : methods) {
            for (String d : datasets) {
                out.add(new Cell(m, m, d, List.of(), Integer.MAX_VALUE, runs == null ? 1 : runs, selection(select, ""), 0, 0));
            }
        }
        if (runs != null && runs < 1) {
            throw new ConfigException("--runs must be at least 1");
        }
        if (out.isEmpty()) {
            throw new ConfigException("nothing to run: give --methods and --datasets, or --grid FILE");
        }
        if (seeds == null) {
            seeds = 3;
        }
        if (seeds < 1) {
            throw new ConfigException("--seeds must be at least 1");
        }
        return out;
    }

    /** The cell's whole number {@code key}, at least 1, or {@code absent} when the cell has none. */
    private static int atLeastOne(JsonNode cell, String key, int absent, String where) {
        JsonNode v = cell.get(key);
        if (v == null) {
            return absent;
        }
        if (!v.canConvertToInt() || v.asInt() < 1) {
            throw new ConfigException(where + ": '" + key + "' must be a whole number of at least 1, not " + v);
        }
        return v.asInt();
    }

    /** A cell's {@code split}: the fraction of samples trained on, the rest predicted (0 = none). */
    private static double split(JsonNode cell, String where) {
        JsonNode v = cell.get("split");
        if (v == null) {
            return 0;
        }
        if (!v.isNumber() || !(v.asDouble() > 0 && v.asDouble() < 1)) {
            throw new ConfigException(where + ": 'split' must be a fraction between 0 and 1 (e.g. 0.8), not " + v);
        }
        return v.asDouble();
    }

    /** A cell's {@code split_seed}: a whole number, or {@code seed} for a split per seed (default 0: one split for all). */
    private static int splitSeed(JsonNode cell, String where) {
        JsonNode v = cell.get("split_seed");
        if (v == null) {
            return 0;
        }
        if (!cell.has("split")) {
            throw new ConfigException(where + ": 'split_seed' needs 'split'");
        }
        if (v.isTextual() && v.asText().equals("seed")) {
            return SPLIT_BY_SEED;
        }
        if (!v.canConvertToInt() || v.asInt() < 0) {
            throw new ConfigException(where + ": 'split_seed' must be a whole number of at least 0 or 'seed', not " + v);
        }
        return v.asInt();
    }

    private static RunSelection selection(String s, String where) {
        try {
            return RunSelection.parse(s == null ? "min-loss" : s);
        } catch (ConfigException e) {
            throw new ConfigException(where + e.getMessage(), e);
        }
    }

    /** A results row's identity: cell label, dataset, seed and the cell's overrides. */
    private static String key(Object label, Object dataset, Object seed, List<String> sets) {
        return label + "\t" + dataset + "\t" + seed + "\t" + String.join(" ", sets);
    }

    /** Rows of an earlier results CSV by cell and seed, numbers parsed, so a run whose files are gone is not redone. */
    private static Map<String, Map<String, Object>> earlierRows(Path csv) throws IOException {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(csv)) {
            return out;
        }
        Csv.Table t = Csv.table(csv);
        for (Map<String, Object> r : t.rows()) {
            if (failed(r)) {
                continue; // a failed task runs again
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (String k : t.header()) {
                Object v = r.get(k);
                row.put(k, v == null || List.of("method", "dataset", "overrides").contains(k) ? v : number(v.toString()));
            }
            out.put(key(r.get("method"), r.get("dataset"), r.get("seed"), List.of(r.getOrDefault("overrides", "").toString())), row);
        }
        return out;
    }

    private static Object number(String v) {
        try {
            return v.matches("-?\\d+") ? (Object) Long.parseLong(v) : (Object) Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** A row recording a task that failed (an engine's error row). */
    private static boolean failed(Map<String, Object> row) {
        return row.get("error") != null && !row.get("error").toString().isEmpty();
    }

    private static boolean sameCell(BenchTask a, BenchTask b) {
        return a.method().equals(b.method()) && a.label().equals(b.label()) && a.dataset().equals(b.dataset())
                && a.overrides().equals(b.overrides()) && a.runs() == b.runs() && a.splitSeed() == b.splitSeed();
    }

    private String markdown(String gridName, List<Map<String, Object>> rows, double rate) throws IOException {
        Map<String, Double> paper = reported();
        Map<String, List<Map<String, Object>>> groups = new TreeMap<>();
        rows.stream().filter(r -> !failed(r)).forEach(r -> groups.computeIfAbsent(r.get("method") + "\t" + r.get("dataset"), k -> new ArrayList<>()).add(r));
        StringBuilder md = new StringBuilder("# " + gridName + "\n\n");
        md.append("Mean ± std over seeds (fractions); `paper` is the reported value, `Δ` ours − paper.\n\n");
        md.append("| method | dataset | seeds | ACC | NMI | ARI | F | paper ACC / NMI / ARI / F | Δ ACC | s/epoch | GFLOP/s | % of matmul |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var e : groups.entrySet()) {
            String[] key = e.getKey().split("\t");
            List<Map<String, Object>> g = e.getValue();
            md.append("| ").append(key[0]).append(" | `").append(key[1]).append("` | ").append(g.size());
            for (String k : List.of("acc", "nmi", "ari", "fscore")) {
                md.append(" | ").append(meanStd(g, k));
            }
            String p = List.of("acc", "nmi", "ari", "fscore").stream()
                    .map(k -> paper.containsKey(key[0] + "|" + key[1] + "|" + k) ? fmt(paper.get(key[0] + "|" + key[1] + "|" + k)) : "–")
                    .reduce((a, b) -> a + " / " + b).orElse("");
            Double pa = paper.get(key[0] + "|" + key[1] + "|acc");
            md.append(" | ").append(p).append(" | ").append(pa == null ? "–" : String.format(Locale.ROOT, "%+.4f", mean(g, "acc") - pa));
            double secPerEpoch = g.stream().mapToDouble(r -> num(r, "train_seconds") / Math.max(1, num(r, "epochs"))).average().orElse(Double.NaN);
            double gflops = mean(g, "gflops");
            md.append(" | ").append(orDash("%.3f", secPerEpoch)).append(" | ").append(orDash("%.2f", gflops))
                    .append(" | ").append(orDash("%.0f%%", 100 * gflops * 1e9 / rate)).append(" |\n");
        }
        md.append(HeldOutTable.markdown(groups));
        md.append(String.format(Locale.ROOT, "%nMatrix-product reference on this machine (2048² float32 through TensorFlow, %d threads): %.2f GFLOP/s. "
                + "GFLOP/s counts the matrix products of the training steps (forward and backward) over the time spent in them.%n", compute.threads, rate / 1e9));
        return md.toString();
    }

    private Map<String, Double> reported() throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        if (reported == null || !Files.isRegularFile(reported)) {
            return out;
        }
        Csv.Table t = Csv.table(reported);
        for (int i = 0; i < t.rows().size(); i++) {
            Map<String, Object> r = t.rows().get(i);
            String value = String.valueOf(r.getOrDefault("value", ""));
            if (r.get("method") == null) {
                continue;
            }
            try {
                out.put(r.get("method") + "|" + r.get("dataset") + "|" + r.get("metric"), Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new ConfigException(reported + ": line " + t.lines().get(i) + ": value '" + value + "' is not a number");
            }
        }
        return out;
    }

    private static String meanStd(List<Map<String, Object>> g, String k) {
        double m = mean(g, k);
        double sd = Math.sqrt(g.stream().mapToDouble(r -> Math.pow(num(r, k) - m, 2)).sum() / Math.max(1, g.size() - 1));
        return Double.isNaN(m) ? "–" : String.format(Locale.ROOT, "%.4f ± %.4f", m, sd);
    }

    private static double mean(List<Map<String, Object>> g, String k) {
        return g.stream().mapToDouble(r -> num(r, k)).average().orElse(Double.NaN);
    }

    private static double num(Map<String, Object> r, String k) {
        return r.get(k) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A number, or a dash where there is none (k-means has no training steps; an old row no timing). */
    private static String orDash(String format, double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.=-]", "_");
    }
}
