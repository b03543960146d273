package org.mvclust.runtime.cli;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mvclust.api.DatasetCatalog;
import org.mvclust.api.DatasetReader;
import org.mvclust.runtime.data.DataResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mvclust datasets}: named datasets, generators and readers, and where files were looked for. */
@Command(name = "datasets", description = "List named datasets and readers, and where data files are looked for.")
final class DatasetsCommand implements Runnable {
    @Mixin
    Common common;

    @Mixin
    DataDirOption dataDir;

    private final Map<String, DatasetReader> readers;
    private final List<DatasetCatalog> catalogs;

    @Inject
    DatasetsCommand(Map<String, DatasetReader> readers, List<DatasetCatalog> catalogs) {
        this.readers = readers;
        this.catalogs = catalogs;
    }

    @Override
    public void run() {
        List<Path> dirs = dataDir.dirs();
        System.out.println("looked in: " + dirs.stream().map(d -> d.toAbsolutePath().normalize()
                + (Files.isDirectory(d) ? "" : " (missing)")).toList());
        for (DatasetCatalog c : catalogs) {
            for (String name : c.names()) {
                System.out.printf("  %-16s %s%n", name, c.describe(name));
            }
        }
        System.out.println("readers and generators (use a file path, or the generator's name):");
        for (DatasetReader r : readers.values()) {
            System.out.printf("  %-16s %s%n", r.name(), r.description());
        }
    }
}
