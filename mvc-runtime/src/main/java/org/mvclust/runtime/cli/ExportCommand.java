package org.mvclust.runtime.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.model.ModelFiles;
import org.mvclust.runtime.model.SavedModelExport;
import org.mvclust.runtime.plugin.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mvclust export}: a run's model as a TensorFlow SavedModel, usable without mvclust. */
@Command(name = "export", description = "Write a model directory as a TensorFlow SavedModel (signature serving_default: "
        + "inputs view0..viewN as read, outputs cluster, embedding and, for argmax readouts, soft).")
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model directory (OUT/model of a run).")
    Path model;

    @Option(names = "--format", defaultValue = "savedmodel", description = "Only savedmodel (default: ${DEFAULT-VALUE}).")
    String format;

    @Parameters(index = "0", paramLabel = "DIR", description = "The SavedModel directory to create (absent or empty).")
    Path out;

    private final Registry registry;

    @Inject
    ExportCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws Exception {
        if (!format.equals("savedmodel")) {
            throw new ConfigException("--format " + format + ": only savedmodel is supported");
        }
        SavedModelExport.export(registry, ModelFiles.open(model), out, 1);
        System.out.println("wrote " + out);
        return 0;
    }
}
