package org.mvclust.runtime.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mvclust.runtime.ConfigException;

/**
 * A run's output directory held for the run: {@code .mvclust.lock} is locked by the operating system (released when the
 * process ends, however it ends) and holds the owner's process id while the run lasts. The lock file also marks the
 * directory as mvclust's, so a new run may remove the files an earlier run wrote there, and only those.
 */
final class OutDir implements AutoCloseable {
    static final String LOCK = ".mvclust.lock";
    /** The names a run writes into its directory and into each {@code run-N/}. */
    static final Set<String> OUTPUTS = Set.of("graph.yaml", "labels.csv", "metrics.json", "history.csv", "steps.csv",
            "preprocess.json", "checkpoint.bin", "runs.csv", "curves.png", "embedding.png", "confusion.png", "report.html",
            "held_out_labels.csv", "missing.csv", "clusters.csv", "clusters.svg");
    /** Folders a run writes: run-N/ (--runs), model/ (and model.partial/ while it is written), clusters-auto/. */
    private static final String FOLDERS = "run-\\d+|model|model\\.partial|clusters-auto";
    private static final Set<String> MODEL_FILES = Set.of("manifest.json", "variables.bin", "centroids.bin");

    private final FileChannel channel;
    private final FileLock lock;

    private OutDir(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} (an existing directory) for one run, or refuses if another run holds it. A lock left by a process
     * that was killed is taken over with a note on {@code log}. Without {@code resume}, the files of an earlier run are
     * removed; a directory that mvclust did not make but that holds files with its output names is refused.
     */
    static OutDir claim(Path dir, boolean resume, PrintStream log) throws IOException {
        Path file = dir.resolve(LOCK);
        boolean ours = Files.exists(file) || Files.isRegularFile(dir.resolve("metrics.json"))
                || Files.isRegularFile(dir.resolve("checkpoint.bin")); // a run of an older mvclust, or one killed early
        if (!ours) {
            List<String> foreign = outputsIn(dir);
            if (!foreign.isEmpty()) {
                throw new ConfigException("--out " + dir + " holds " + String.join(", ", foreign)
                        + " but is not an mvclust run directory; choose a new or empty directory");
            }
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new ConfigException("--out " + dir + ": cannot create the lock file " + LOCK + " (" + e.getMessage() + ")");
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        String owner = read(ch);
        if (lock == null) {
            ch.close();
            throw new ConfigException("--out " + dir + " is in use by another mvclust run"
                    + (owner.isBlank() ? "" : " (" + owner + ")") + "; wait for it to finish or choose another --out");
        }
        if (!owner.isBlank() && log != null) {
            log.println("note: " + dir + " was locked by a run that did not finish (" + owner + "); taking it over");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + ", started " + java.time.Instant.now() + "\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
        OutDir held = new OutDir(ch, lock);
        if (!resume) {
            try {
                clean(dir);
            } catch (IOException e) {
                held.close();
                throw e;
            }
        }
        return held;
    }

    /** Removes an earlier run's files (the output names, their temporary copies, and its folders holding only those). */
    static void clean(Path dir) throws IOException {
        clean(dir, false);
    }

    private static void clean(Path dir, boolean inner) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && (name.matches(FOLDERS) || inner)) {
                    clean(p, true);
                    try (DirectoryStream<Path> left = Files.newDirectoryStream(p)) {
                        if (!left.iterator().hasNext()) {
                            Files.delete(p);
                        }
                    }
                } else if ((isOutput(name) || inner && MODEL_FILES.contains(name)) && !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static boolean isOutput(String name) {
        String base = name.endsWith(".tmp") ? name.substring(name.startsWith(".") ? 1 : 0, name.length() - 4) : name;
        return OUTPUTS.contains(base);
    }

    private static List<String> outputsIn(Path dir) throws IOException {
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (OUTPUTS.contains(p.getFileName().toString())) {
                    found.add(p.getFileName().toString());
                }
            }
        }
        java.util.Collections.sort(found);
        return found;
    }

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(200);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
    }

    /** Empties the lock file (a finished run leaves no owner behind) and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
