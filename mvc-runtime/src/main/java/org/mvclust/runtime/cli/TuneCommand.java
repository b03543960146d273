package org.mvclust.runtime.cli;

import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.Yaml;
import org.mvclust.runtime.data.DataResolver;
import org.mvclust.runtime.train.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mvclust tune}: graph values × seeds, each setting scored without labels; writes the chosen graph and every candidate. */
@Command(name = "tune", description = "Search graph values (grid or random) × seeds, score each setting without labels by --select, "
        + "and write the chosen graph.yaml, candidates.csv/.md and score.svg to --out; running it again trains only what is missing.")
public final class TuneCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = {"-m", "--method"}, description = "Preset name or graph file (default: the grid's 'method').")
    String method;

    @Option(names = {"-d", "--dataset"}, description = "Dataset spec (default: the grid's 'dataset', else synthetic).")
    String dataset;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--grid", paramLabel = "FILE", description = "YAML: {method, dataset, set: [k=v..], search: {KEY: [v..] or A..B[:N[:log]]}, seeds, select, random}.")
    Path grid;

    @Option(names = "--search", paramLabel = "KEY=VALUES", description = "A searched value, e.g. lambda=[1,10,100] or latent=8..64:4:log; repeatable; wins over the grid's.")
    List<String> search = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A fixed override for every candidate (after the grid's 'set'); repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seeds", description = "Seeds per candidate, SEED..SEED+N-1 (default: the grid's, else 2).")
    Integer seeds;

    @Option(names = "--seed", defaultValue = "0", description = "First seed of every candidate, and the draw of --random (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--select", description = "How candidates are ranked, on means over their seeds (stability is over the seeds): "
            + RunSelection.FORMS + " (default: the grid's, else health).")
    String select;

    @Option(names = "--random", description = "Draw N distinct candidates from the grid instead of trying all (default: the grid's, else all).")
    Integer random;

    @Option(names = "--clusters", description = "Number of clusters for every candidate (default: the labels' classes; or search 'clusters').")
    Integer clusters;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: tune/METHOD-DATASET).")
    Path out;

    @Mixin
    ComputeOptions compute;

    @Mixin
    DeviceOption device;

    private final Experiment.Factory experiments;
    private final GraphLoader graphs;

    @Inject
    TuneCommand(Experiment.Factory experiments, GraphLoader graphs) {
        this.experiments = experiments;
        this.graphs = graphs;
    }

    @Override
    public Integer call() throws Exception {
        RunChecks.threads(compute.threads);
        TuneSpace.GridFile g = grid != null ? TuneSpace.read(grid)
                : new TuneSpace.GridFile(null, null, List.of(), null, null, null, Map.of());
        String m = method != null ? method : g.method();
        if (m == null) {
            throw new ConfigException("no method: give --method, or 'method' in the grid file");
        }
        String d = dataset != null ? dataset : g.dataset() != null ? g.dataset() : "synthetic";
        List<String> fixed = new ArrayList<>(g.sets());
        fixed.addAll(sets);
        Map<String, List<String>> space = new LinkedHashMap<>(g.search());
        search.forEach(s -> TuneSpace.inline(s, space));
        int n = seeds != null ? seeds : g.seeds() != null ? g.seeds() : 2;
        RunSelection sel = RunSelection.parse(select != null ? select : g.select() != null ? g.select() : "health");
        int draw = random != null ? random : g.random() != null ? g.random() : 0;
        if (space.isEmpty()) {
            throw new ConfigException("nothing to search: give --search KEY=[v1,v2,..] or a grid file with 'search'");
        }
        if (n < 1 || draw < 0) {
            throw new ConfigException("--seeds must be at least 1 and --random at least 0");
        }
        if (n < 2 && List.of("stability", "health").contains(sel.criterion())) {
            throw new ConfigException("--select " + sel + " compares each candidate's seeds: give --seeds 2 or more");
        }
        List<List<String>> cands = TuneSpace.candidates(space, draw, seed);
        List<Integer> ks = new ArrayList<>();
        for (List<String> c : cands) { // every candidate's graph is checked before any training
            ks.add(k(c));
            GraphSpec spec = graphs.load(m, overrides(fixed, c));
            sel.check(spec);
        }
        Experiment first = open(m, d, overrides(fixed, cands.get(0)), ks.get(0)); // the data and k, checked before --out is made
        Path dir = out != null ? out : Path.of("tune", (Path.of(m).getFileName() + "-" + DataResolver.name(d)).replaceAll("[^A-Za-z0-9_.=-]", "_"));
        RunChecks.out(dir, d);
        same(dir, m, d, sel, fixed);
        PrintStream log = compute.log();
        List<TuneCandidate> done = new ArrayList<>();
        for (int i = 0; i < cands.size(); i++) {
            List<String> c = cands.get(i);
            Path cdir = dir.resolve("candidates").resolve(TuneCandidate.dirName(i, c));
            System.err.printf("[%d/%d] %s%n", i + 1, cands.size(), c.isEmpty() ? "(as given)" : String.join(" ", c));
            done.add(new TuneCandidate(i, c, cdir, runs(i == 0 ? first : null, m, d, overrides(fixed, c), ks.get(i), n, cdir, log)));
            new TuneTable(done, sel, -1).write(dir);
        }
        List<Map<String, Object>> summaries = new ArrayList<>();
        for (TuneCandidate c : done) {
            summaries.add(c.summary());
        }
        int best = sel.best(summaries);
        TuneCandidate chosen = done.get(best);
        new TuneTable(done, sel, best).write(dir);
        Integer k = (Integer) chosen.runs().get(0).get("clusters");
        Outputs.write(dir.resolve("graph.yaml"), "# chosen by mvclust tune on " + d + " (" + sel.describe() + ", " + n
                + " seeds): " + chosen.label() + (ks.get(best) != null || clusters != null ? "; run it with --clusters " + k : "")
                + "\n" + chosen.graphYaml());
        System.out.println("chosen: " + chosen.label() + " (" + sel.describe() + ": "
                + String.format(java.util.Locale.ROOT, "%.4g", sel.value(summaries.get(best))) + ", " + k + " clusters)");
        System.out.println("wrote " + dir.resolve("graph.yaml") + ", candidates.csv, candidates.md and score.svg");
        return 0;
    }

    /** The candidate's runs: each seed's metrics.json when it exists and was made with these settings, else trained now. */
    private List<Map<String, Object>> runs(Experiment opened, String m, String d, List<String> overrides, Integer k, int n, Path cdir,
                                           PrintStream log) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        Experiment exp = opened;
        for (int r = 0; r < n; r++) {
            Path runDir = cdir.resolve("run-" + r);
            Path metrics = runDir.resolve("metrics.json");
            if (Files.isRegularFile(metrics)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> before = Yaml.JSON.convertValue(Yaml.JSON.readTree(metrics.toFile()), Map.class);
                boolean matches = overrides.equals(before.get("overrides")) && before.get("seed") instanceof Number s
                        && s.longValue() == seed + r && (k == null || k.equals(before.get("clusters")));
                if (matches) {
                    out.add(before);
                    continue;
                }
                System.err.println("  " + runDir + " was made with other settings: training it again");
                Files.delete(metrics);
            }
            if (exp == null) {
                exp = open(m, d, overrides, k);
            }
            Files.createDirectories(runDir);
            Map<String, Object> run = exp.once(seed + r, runDir, log, new Profile());
            HealthLines.warnings(run).forEach(w -> System.err.println("  seed " + run.get("seed") + ": " + w));
            out.add(run);
        }
        return out;
    }

    private Experiment open(String m, String d, List<String> overrides, Integer k) throws Exception {
        return experiments.open(m, d, dataDir.dirs(), k, new Experiment.Settings(overrides, compute.threads, 10, 60, 0, true, false, device.device));
    }

    /** The candidate's number of clusters: its 'clusters' value, else --clusters, else null (the labels' classes). */
    private Integer k(List<String> candidate) {
        for (String s : candidate) {
            if (s.startsWith("clusters=")) {
                String v = s.substring("clusters=".length());
                if (!v.matches("\\d+") || Integer.parseInt(v) < 2) {
                    throw new ConfigException("--search clusters: '" + v + "' is not a whole number of at least 2");
                }
                return Integer.parseInt(v);
            }
        }
        return clusters;
    }

    private static List<String> overrides(List<String> fixed, List<String> candidate) {
        List<String> all = new ArrayList<>(fixed);
        candidate.stream().filter(s -> !s.startsWith("clusters=")).forEach(all::add);
        return all;
    }

    /** Refuses an --out that holds a tune of another method, dataset, criterion or fixed settings; records this one. */
    private void same(Path dir, String m, String d, RunSelection sel, List<String> fixed) throws Exception {
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("method", m);
        now.put("dataset", d);
        now.put("select", sel.toString());
        now.put("set", fixed);
        now.put("first_seed", seed);
        Path f = dir.resolve("tune.json");
        if (Files.isRegularFile(f)) {
            var before = Yaml.JSON.readTree(f.toFile());
            if (!before.equals(Yaml.JSON.readTree(Yaml.toJson(now)))) {
                throw new ConfigException("--out " + dir + " holds a tune made with " + before
                        + ", not " + Yaml.JSON.writeValueAsString(now) + ": choose another --out");
            }
        }
        Outputs.write(f, Yaml.toJson(now));
    }
}
