package org.mvclust.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.resource.ResourceInformation;

/**
 * A Spark task: trains one bench task in the executor's mvclust layer and returns its row. A failure is thrown (Spark
 * retries it) until the last allowed attempt, which records it as the task's error row instead, so the sweep goes on.
 */
final class RunTask implements Function<String, String> {
    private static final long serialVersionUID = 1L;
    private final String modules;
    private final ArrayList<String> plugins;
    private final int maxFailures;

    RunTask(String modules, List<String> plugins, int maxFailures) {
        this.modules = modules;
        this.plugins = new ArrayList<>(plugins);
        this.maxFailures = maxFailures;
    }

    @Override
    public String call(String task) throws Exception {
        TaskContext ctx = TaskContext.get();
        MvclustLayer layer = MvclustLayer.of(Path.of(modules));
        try {
            return layer.runTask(task, gpu(ctx), plugins);
        } catch (Exception | Error e) {
            if (ctx != null && ctx.attemptNumber() + 1 < maxFailures) {
                throw e;
            }
            String msg = e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return layer.errorRow(task, msg);
        }
    }

    /** {@code gpu:N} for the first GPU Spark assigned to this task, or null where it assigned none. */
    static String gpu(TaskContext ctx) {
        if (ctx == null) {
            return null;
        }
        ResourceInformation gpus = ctx.resourcesJMap().get("gpu");
        return gpus == null || gpus.addresses().length == 0 ? null : "gpu:" + gpus.addresses()[0];
    }
}
