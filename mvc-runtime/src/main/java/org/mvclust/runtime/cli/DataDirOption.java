package org.mvclust.runtime.cli;

import java.nio.file.Path;
import java.util.List;
import org.mvclust.runtime.data.DataResolver;
import picocli.CommandLine.Option;

/** {@code --data-dir}, for the commands that read datasets. */
public class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory with dataset files (default: $MVCLUST_DATA, then ./data).")
    Path dataDir;

    /** Where to look for datasets, in order: the option, $MVCLUST_DATA, ./data. */
    List<Path> dirs() {
        return DataResolver.dataDirs(dataDir);
    }
}
