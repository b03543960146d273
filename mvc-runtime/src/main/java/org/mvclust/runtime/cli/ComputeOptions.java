package org.mvclust.runtime.cli;

import picocli.CommandLine.Option;

/** {@code --threads} and {@code -q}, for the commands that run TensorFlow. */
public class ComputeOptions {
    @Option(names = "--threads", description = "TensorFlow intra- and inter-op threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    /** Where progress goes: standard error, or nowhere with {@code -q}. */
    java.io.PrintStream log() {
        return quiet ? null : System.err;
    }
}
