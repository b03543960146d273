package org.mvclust.runtime.cli;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.Yaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mvclust describe METHOD}: the validated graph with overrides applied. */
@Command(name = "describe", description = "Validate and print a method graph (preset name or file).")
final class DescribeCommand implements Runnable {
    @Mixin
    Common common;

    @Parameters(paramLabel = "METHOD", description = "Preset name or path to a graph file.")
    String method;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a graph value; repeatable.")
    List<String> sets = new ArrayList<>();

    private final GraphLoader graphs;

    @Inject
    DescribeCommand(GraphLoader graphs) {
        this.graphs = graphs;
    }

    @Override
    public void run() {
        GraphSpec g = graphs.load(method, sets);
        System.out.println("# " + g.name() + " (" + g.source() + "): " + g.description());
        System.out.print(Yaml.toYaml(g.tree()));
    }
}
