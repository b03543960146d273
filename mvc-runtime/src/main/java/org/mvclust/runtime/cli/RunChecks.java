package org.mvclust.runtime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.data.DataResolver;

/** Checks of the command line made before anything is loaded or trained. */
final class RunChecks {
    private RunChecks() {
    }

    /** Thread counts from 1 to the machine's cores (TensorFlow aborts below 1 and hangs far above). */
    static void threads(int threads) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > cores) {
            throw new ConfigException("--threads " + threads + ": must be between 1 and this machine's " + cores + " cores");
        }
    }

    /**
     * An output directory that is not empty text (an unset shell variable), not a file, not the dataset's own
     * directory or file, and writable; created here.
     */
    static Path out(Path out, String dataset) {
        if (out.toString().isBlank()) {
            throw new ConfigException("--out is empty (an unset shell variable?): give the output directory");
        }
        if (Files.isRegularFile(out)) {
            throw new ConfigException("--out " + out + " is a file, not a directory");
        }
        Path data = Path.of(DataResolver.name(dataset)).toAbsolutePath().normalize();
        Path dir = out.toAbsolutePath().normalize();
        boolean clash = dir.equals(data) || dir.equals(data.getParent()) && data.getFileName() != null
                && OutDir.OUTPUTS.contains(data.getFileName().toString());
        if (Files.exists(data) && clash) {
            throw new ConfigException("--out " + out + " would write over the dataset's own files (" + data
                    + "); choose another directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigException("--out " + out + ": cannot create the directory (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new ConfigException("--out " + out + ": the directory is not writable");
        }
        return out;
    }
}
