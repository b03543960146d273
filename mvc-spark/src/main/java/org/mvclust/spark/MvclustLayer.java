package org.mvclust.spark;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolutionException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * mvclust's modules (a directory such as {@code target/modules}, the module path of {@code ./mvclust}) loaded as a
 * module layer beside Spark, which stays on the class path: each side keeps its own versions of shared libraries
 * (Jackson, Guava), and plugins are discovered as on the command line. Only JDK types cross (JSON text).
 */
final class MvclustLayer {
    private static final Map<Path, MvclustLayer> LOADED = new ConcurrentHashMap<>();
    private final Method bench;
    private final Method runTask;
    private final Method errorRow;

    private MvclustLayer(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--modules " + dir + ": no such directory (build mvclust's modules first: ./mvclust, or mvn package)");
        }
        try {
            ModuleFinder finder = ModuleFinder.of(dir);
            Set<String> roots = finder.findAll().stream().map(r -> r.descriptor().name()).collect(Collectors.toSet());
            if (!roots.contains("org.mvclust.runtime")) {
                throw new IllegalArgumentException("--modules " + dir + " holds no org.mvclust.runtime module (build it: ./mvclust, or mvn package)");
            }
            ModuleLayer boot = ModuleLayer.boot();
            Configuration cf = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
            ModuleLayer layer = boot.defineModulesWithOneLoader(cf, MvclustLayer.class.getClassLoader());
            Class<?> remote = layer.findLoader("org.mvclust.runtime").loadClass("org.mvclust.runtime.cli.RemoteBench");
            bench = remote.getMethod("bench", Function.class, String[].class);
            runTask = remote.getMethod("runTask", String.class, String.class, List.class);
            errorRow = remote.getMethod("errorRow", String.class, String.class);
        } catch (FindException | ResolutionException e) {
            throw new IllegalArgumentException("--modules " + dir + ": " + e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("--modules " + dir + ": an mvclust runtime without RemoteBench: " + e, e);
        }
    }

    static MvclustLayer of(Path dir) {
        return LOADED.computeIfAbsent(dir.toAbsolutePath().normalize(), MvclustLayer::new);
    }

    /** {@code mvclust bench ARGS} with its missing tasks run by {@code tasks}; the exit code. */
    int bench(Function<List<String>, List<String>> tasks, String... args) throws Exception {
        return (Integer) call(bench, tasks, args);
    }

    /** One task (JSON) trained here; its row (JSON). {@code device} replaces the task's unless null. */
    String runTask(String task, String device, List<String> pluginDirs) throws Exception {
        return (String) call(runTask, task, device, pluginDirs);
    }

    String errorRow(String task, String error) throws Exception {
        return (String) call(errorRow, task, error);
    }

    private static Object call(Method m, Object... args) throws Exception {
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            if (e.getCause() instanceof Error x) {
                throw x;
            }
            throw e;
        }
    }
}
