package org.mvclust.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code mvclust bench} on Apache Spark: one task per (cell, seed). Takes bench's options plus {@code --master URL}
 * (default: Spark's local mode with cores / --threads task slots, each task tried twice), {@code --modules DIR}
 * (mvclust's module path, default {@code target/modules}) and {@code --task-modules DIR} (where executors find it,
 * default the same). Exit codes as {@code mvclust}; 1 also when some task failed (its row holds the error).
 */
public final class SparkBench {
    /** The key an error row has and others lack (rows are JSON objects). */
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:");

    private SparkBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        Options o;
        MvclustLayer layer;
        try {
            o = Options.parse(args);
            layer = MvclustLayer.of(o.modules);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        SparkConf conf = new SparkConf().setAppName("mvclust bench");
        if (o.master != null) {
            conf.setMaster(o.master);
        }
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[" + o.slots() + ",2]");
        }
        String master = conf.get("spark.master");
        if (master.startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
        }
        int maxFailures = maxFailures(master, conf.getInt("spark.task.maxFailures", 4));
        int[] failed = {0};
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            System.err.printf("spark: %s, %d task slot(s), %d attempt(s) per task%n", master, sc.defaultParallelism(), maxFailures);
            int code = layer.bench(tasks -> {
                List<String> rows = sc.parallelize(tasks, tasks.size())
                        .map(new RunTask(o.taskModules, o.plugins, maxFailures)).collect();
                failed[0] = (int) rows.stream().filter(r -> ERROR.matcher(r).find()).count();
                return rows;
            }, o.bench.toArray(String[]::new));
            if (failed[0] > 0) { // the bench's own code says 2 for a failed row; a Spark task may also fail for internal reasons
                System.err.printf("%d task(s) failed: their rows in the results CSV name the error; the same command runs them again%n", failed[0]);
                return 1;
            }
            return code;
        } catch (Exception e) {
            System.err.println("internal error (a bug; MVCLUST_DEBUG=1 shows where): " + e);
            if (System.getenv("MVCLUST_DEBUG") != null) {
                e.printStackTrace();
            }
            return 1;
        }
    }

    /** Attempts per task: local[N,F] allows F, plain local mode 1, a cluster spark.task.maxFailures. */
    static int maxFailures(String master, int conf) {
        Matcher m = Pattern.compile("local\\[[^,\\]]+,\\s*(\\d+)]").matcher(master);
        if (m.matches()) {
            return Integer.parseInt(m.group(1));
        }
        return master.startsWith("local") ? 1 : conf;
    }

    /** This launcher's own options, taken out of the arguments; the rest are bench's. */
    record Options(String master, Path modules, String taskModules, List<String> plugins, int threads, List<String> bench) {
        static Options parse(String... args) {
            String master = null;
            Path modules = Path.of("target/modules");
            String taskModules = null;
            List<String> plugins = new ArrayList<>();
            int threads = Runtime.getRuntime().availableProcessors();
            List<String> bench = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String name = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
                boolean own = List.of("--master", "--modules", "--task-modules", "--engine").contains(name);
                boolean shared = List.of("--plugins", "--threads").contains(name);
                if (!own && !shared) {
                    bench.add(a);
                    continue;
                }
                String value;
                if (!name.equals(a)) {
                    value = a.substring(name.length() + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                switch (name) {
                    case "--master" -> master = value;
                    case "--modules" -> modules = Path.of(value);
                    case "--task-modules" -> taskModules = value;
                    case "--engine" -> {
                        if (!value.equals("spark")) {
                            throw new IllegalArgumentException("--engine " + value + ": this launcher runs only 'spark' (drop --engine for the local bench)");
                        }
                    }
                    case "--plugins" -> plugins.add(Path.of(value).toAbsolutePath().toString());
                    default -> threads = threads(value);
                }
                if (shared) {
                    bench.add(name);
                    bench.add(value);
                }
            }
            return new Options(master, modules, taskModules != null ? taskModules : modules.toAbsolutePath().toString(),
                    plugins, threads, bench);
        }

        int slots() {
            return Math.max(1, Runtime.getRuntime().availableProcessors() / threads);
        }

        private static int threads(String v) {
            try {
                int t = Integer.parseInt(v);
                if (t >= 1) {
                    return t;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--threads " + v + ": expected a whole number of at least 1");
        }
    }
}
