package org.mvclust.runtime.cli;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.data.DataResolver;
import org.mvclust.runtime.data.Incomplete;
import org.mvclust.runtime.graph.Flops;
import org.mvclust.runtime.train.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mvclust run}: load a graph and a dataset, train, read out, evaluate, and write the results. */
@Command(name = "run", description = "Train a method on a dataset and write labels, metrics and history to --out.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = {"-m", "--method"}, defaultValue = "ae-kmeans", description = "Preset name or graph file (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = {"-d", "--dataset"}, defaultValue = "synthetic", description = "NAME[:key=value,...] or a file path (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--missing", paramLabel = "rate=R,seed=S",
            description = "Remove views: rate=R (of the sample-view pairs, each sample keeps one), seed=S, mechanism=mcar; or file=MASK.csv; impute=mean|knn fills them instead of masking.")
    String missing;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a graph value (e.g. fusion=mean, losses.recon.weight=0.5); repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "0", description = "Seed of everything random (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--clusters", paramLabel = "K|auto[:MIN-MAX]", description = "Number of clusters (default: the number of classes in the labels), "
            + "or auto[:MIN-MAX][,criterion=stability|silhouette|calinski_harabasz|davies_bouldin|eigengap|eigengap_local|gap|gap_pca]: chosen without labels (default range 2..min(20, N/10); "
            + "the gap statistic of k-means on the views unless a criterion is named).")
    String clusters;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/METHOD-DATASET-sSEED).")
    Path out;

    @Option(names = "--resume", description = "Continue from the checkpoint in --out.")
    boolean resume;

    @Mixin
    ComputeOptions compute;

    @Option(names = "--checkpoint-every", defaultValue = "10", description = "Checkpoint every N epochs of a phase, 0 = only at phase ends (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--checkpoint-seconds", defaultValue = "60", paramLabel = "S",
            description = "No checkpoint within S seconds of the previous one (large models write hundreds of MB each; default: ${DEFAULT-VALUE}).")
    double checkpointSeconds;

    @Option(names = "--eval-every", defaultValue = "10", description = "With labels, compute metrics every N epochs, 0 = at phase ends (default: ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--runs", defaultValue = "1", description = "Train N times with seeds SEED..SEED+N-1 and keep the run --select ranks first (labels never used) (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--select", defaultValue = "min-loss", description = "Which of --runs to keep: " + RunSelection.FORMS + " (default: ${DEFAULT-VALUE}).")
    String select;

    @Option(names = "--profile", description = "Print where the time went and the achieved FLOP rate of the training steps.")
    boolean profileFlag;

    @Mixin
    DeviceOption device;

    @Option(names = "--no-plots", description = "Skip the pictures (curves.png, embedding.png, confusion.png).")
    boolean noPlots;

    private final Experiment.Factory experiments;

    @Inject
    RunCommand(Experiment.Factory experiments) {
        this.experiments = experiments;
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new ConfigException("--runs must be at least 1");
        }
        RunChecks.threads(compute.threads);
        if (out != null && out.toString().isBlank()) {
            RunChecks.out(out, dataset);
        }
        RunSelection selection = RunSelection.parse(select);
        ClusterCount auto = ClusterCount.parse(clusters);
        Experiment exp = experiments.open(method, Incomplete.withFlag(dataset, missing), dataDir.dirs(), auto != null ? (Integer) auto.min() : ClusterCount.number(clusters),
                new Experiment.Settings(sets, compute.threads, checkpointEvery, checkpointSeconds, evalEvery, resume, !noPlots, device.device));
        selection.check(exp.spec);
        if (auto != null) {
            auto.max(exp.data.samples());
        }
        if (out != null) {
            RunChecks.out(out, dataset); // after every check of the graph and data, before any training
        }
        Path dir = out != null ? out : Path.of("runs", (exp.spec.name() + "-" + exp.data.name() + "-s" + seed)
                .replaceAll("[^A-Za-z0-9_.=-]", "_"));
        Files.createDirectories(dir);
        try (OutDir held = OutDir.claim(dir, resume, System.err)) {
            return train(exp, selection, dir, auto);
        }
    }

    private int train(Experiment exp, RunSelection selection, Path dir, ClusterCount auto) throws Exception {
        java.io.PrintStream log = compute.log();
        if (log != null) {
            log.println("mvclust: " + exp.describe() + ", seed " + seed + (runs > 1 ? " (+" + (runs - 1) + " more runs)" : "")
                    + ", " + compute.threads + " threads -> " + dir);
        }
        if (auto != null) {
            long t0 = System.nanoTime();
            int k = auto.choose(exp, seed, dir, log);
            System.out.printf(java.util.Locale.ROOT, "clusters: %d (%s; %.1f s; %s)%n", k, auto.describe(exp.data.samples()),
                    (System.nanoTime() - t0) / 1e9, dir.resolve("clusters.csv"));
            String atEnd = auto.atEnd(k, exp.data.samples());
            if (atEnd != null) {
                System.err.println(atEnd);
            }
            exp = exp.with(null, k, !noPlots);
        }
        Profile profile = new Profile(profileFlag);
        Experiment.Selected sel = exp.select(seed, runs, selection, dir, log, profile, false);
        Map<String, Object> best = sel.metrics();
        List<Map<String, Object>> summary = sel.runs();
        if (runs > 1) {
            System.out.println("selected run " + best.get("run") + " (seed " + best.get("seed") + ", " + selection.describe() + " "
                    + String.format(java.util.Locale.ROOT, "%.6g", selection.value(best)) + ")");
        }
        printResult((Map<?, ?>) best.get("metrics"), runs > 1 ? dir.resolve("runs.csv") : null, summary);
        if (HealthLines.line(best) != null) {
            System.out.println(HealthLines.line(best));
        }
        if (profileFlag) {
            System.out.print(profile.table());
            System.out.print(profile.opTable(15));
            double rate = Flops.matmulRate(2048, compute.threads);
            double gflop = summary.size() == 1 ? (Double) best.get("train_gflop") : (Double) best.get("train_gflop") * runs;
            double achieved = gflop * 1e9 / profile.seconds("training steps");
            System.out.printf(java.util.Locale.ROOT, "training: %.2f GFLOP/s in matrix products (%.1f%% of a 2048² matmul through TensorFlow here: %.2f GFLOP/s)%n",
                    achieved / 1e9, 100 * achieved / rate, rate / 1e9);
        }
        System.out.println("wrote " + dir);
        HealthLines.warnings(best).forEach(System.err::println);
        return 0;
    }

    private static void printResult(Map<?, ?> metrics, Path runsCsv, List<Map<String, Object>> summary) {
        if (metrics == null || metrics.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("result:");
        metrics.forEach((key, v) -> line.append(String.format(java.util.Locale.ROOT, "  %s %.4f", key.toString().toUpperCase(), (Double) v)));
        System.out.println(line);
        if (runsCsv != null) {
            Map<String, Object> agg = Experiment.overRuns(summary);
            StringBuilder mean = new StringBuilder("mean over " + summary.size() + " runs:");
            for (Object key : metrics.keySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Double> a = (Map<String, Double>) agg.get(key.toString());
                mean.append(String.format(java.util.Locale.ROOT, "  %s %.4f±%.4f", key.toString().toUpperCase(), a.get("mean"), a.get("std")));
            }
            System.out.println(mean);
        }
    }

}
