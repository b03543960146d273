package org.mvclust.runtime.cli;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Entry points for an engine that runs a bench's tasks elsewhere (a cluster). Only JDK types cross: tasks and rows
 * are JSON text, so the caller may live in another class loader or module layer.
 */
public final class RemoteBench {
    private static final Map<List<String>, Injector> INJECTORS = new ConcurrentHashMap<>();
    static volatile Function<List<String>, List<String>> engine;

    private RemoteBench() {
    }

    /**
     * {@code mvclust bench ARGS}, except that the tasks still to run ({@link BenchTask} JSON, in grid order) are handed
     * to {@code tasks}, which returns one row (JSON) per task in the same order; returns the exit code.
     */
    public static synchronized int bench(Function<List<String>, List<String>> tasks, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        engine = tasks;
        try {
            return Main.execute(all);
        } finally {
            engine = null;
        }
    }

    /**
     * Trains one task ({@code device} replaces its device unless null) and returns its row as JSON. A bad cell (graph,
     * override, dataset, file) gives its error row at once; any other failure is thrown, for the engine to retry.
     */
    public static String runTask(String taskJson, String device, List<String> pluginDirs) throws Exception {
        BenchTask t = BenchTask.fromJson(taskJson);
        if (device != null) {
            t = t.onDevice(device);
        }
        BenchRunner runner = INJECTORS.computeIfAbsent(List.copyOf(pluginDirs),
                d -> Bootstrap.injector(d.stream().map(Path::of).toList())).getInstance(BenchRunner.class);
        String what = String.format("%s on %s seed %d", t.label(), t.dataset(), t.seed());
        System.err.printf("%s: training (%s, %d thread(s)) -> %s%n", what, t.device(), t.threads(), t.dir());
        long t0 = System.nanoTime();
        try {
            String row = BenchTask.json(runner.run(t));
            System.err.printf("%s: done in %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
            return row;
        } catch (Exception e) {
            System.err.printf("%s: failed: %s%n", what, Main.message(e));
            if (Main.exitCode(e) == Main.USAGE) {
                return errorRow(taskJson, Main.message(e));
            }
            throw e;
        }
    }

    /** The row (JSON) recording that a task failed, with its cell, seed and {@code error}. */
    public static String errorRow(String taskJson, String error) {
        return BenchTask.json(BenchTask.fromJson(taskJson).errorRow(error));
    }
}
