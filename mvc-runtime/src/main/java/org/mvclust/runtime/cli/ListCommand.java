package org.mvclust.runtime.cli;

import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.Map;
import org.mvclust.api.Block;
import org.mvclust.api.Component;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Port;
import org.mvclust.runtime.config.GraphLoader;
import org.mvclust.runtime.plugin.Kind;
import org.mvclust.runtime.plugin.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mvclust list}: every component by kind with its ports and parameters, the presets, and load problems. */
@Command(name = "list", description = "List components (by SPI) with their parameters, and the method presets.")
final class ListCommand implements Runnable {
    @Mixin
    Common common;

    @Option(names = "--kind", description = "Only this kind: ${COMPLETION-CANDIDATES}")
    String kind;

    private final Registry registry;
    private final GraphLoader graphs;

    @Inject
    ListCommand(Registry registry, GraphLoader graphs) {
        this.registry = registry;
        this.graphs = graphs;
    }

    @Override
    public void run() {
        PrintStream out = System.out;
        for (Kind k : Kind.values()) {
            if (kind != null && !kind.equals(k.label)) {
                continue;
            }
            out.println(k.label + (k.label.endsWith("s") ? "es" : "s") + " (" + k.type.getSimpleName() + "):");
            for (Map.Entry<String, Component> e : registry.all(k).entrySet()) {
                Component c = e.getValue();
                String also = c.aliases().isEmpty() ? "" : "  (also: " + String.join(", ", c.aliases()) + ")";
                out.printf("  %-12s %s  [%s]%s%n", c.name(), c.description(), registry.origin(k, c.name()), also);
                if (c instanceof Block b) {
                    StringBuilder ports = new StringBuilder();
                    for (Port p : b.inputs()) {
                        ports.append(p.name()).append(p.list() ? "[*]" : "").append(p.optional() ? "?" : "").append(' ');
                    }
                    out.printf("      in: %s  out: %s%n", ports.toString().strip(), String.join(" ", b.outputs()));
                }
                for (ParamSpec p : c.params()) {
                    out.printf("      %-18s %-11s %-14s %s%n", p.name(), p.type().name().toLowerCase(),
                            p.required() ? "(required)" : "= " + p.defaultValue(), p.doc());
                    if (!p.allowed().isEmpty()) {
                        out.printf("      %-18s one of: %s%n", "", String.join(", ", p.allowed()));
                    }
                }
            }
            out.println();
        }
        if (kind == null) {
            out.println("methods (presets): " + String.join(", ", graphs.presetNames()));
        }
        if (!registry.problems().isEmpty()) {
            System.err.println("plugin problems:");
            registry.problems().forEach(p -> System.err.println("  " + p));
        }
    }
}
