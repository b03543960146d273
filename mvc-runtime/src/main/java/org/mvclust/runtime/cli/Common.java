package org.mvclust.runtime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command shares ({@link Main} reads {@code --plugins} before the commands are built). */
public class Common {
    @Option(names = "--plugins", paramLabel = "DIR", description = "Directory of plugin jars (module path); repeatable.")
    List<Path> plugins = new ArrayList<>();
}
