package org.mvclust.runtime.cli;

import picocli.CommandLine.Option;

/** {@code --device}, for the commands that train. */
public class DeviceOption {
    @Option(names = "--device", defaultValue = "auto", description = "auto (a GPU when the gpu build sees one), cpu, or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;
}
