package org.mvclust.runtime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mvclust.runtime.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mvclust} command line. */
@Command(name = "mvclust", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "mvclust 0.1.0",
        description = "Deep multi-view clustering: run published methods and recombine their parts by name.",
        subcommands = {RunCommand.class, BenchCommand.class, ReportCommand.class, ListCommand.class, DescribeCommand.class,
                DatasetsCommand.class, TuneCommand.class, PredictCommand.class, ExportCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        String undecodable = Arguments.undecodable(System.getProperty("sun.jnu.encoding", "UTF-8"), args);
        if (undecodable != null) {
            System.err.println("error: " + undecodable);
            return USAGE;
        }
        CommandLine cl;
        try {
            cl = new CommandLine(Main.class, new GuiceFactory(Bootstrap.injector(pluginDirs(args))));
        } catch (ConfigException e) {
            System.err.println("error: " + message(e));
            return 2;
        }
        cl.setExecutionExceptionHandler((e, cmd, parse) -> {
            int code = exitCode(e);
            cmd.getErr().println((code == INTERNAL ? "internal error (a bug; MVCLUST_DEBUG=1 shows where): " : "error: ")
                    + message(e));
            if (System.getenv("MVCLUST_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return code;
        });
        return cl.execute(args);
    }

    /** Exit codes: 0 done, 2 a bad command line, graph, option or file (read or written), 1 anything else (a bug). */
    static final int USAGE = 2;
    static final int INTERNAL = 1;

    static int exitCode(Throwable e) {
        if (e instanceof ConfigException || e instanceof org.mvclust.api.DatasetException
                || e instanceof picocli.CommandLine.ParameterException || e instanceof java.io.IOException
                || e instanceof java.io.UncheckedIOException) {
            return USAGE;
        }
        return INTERNAL;
    }

    /** The {@code --plugins} directories, read before picocli builds the commands that receive their components. */
    static List<Path> pluginDirs(String... args) {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--plugins") && i + 1 < args.length) {
                dirs.add(Path.of(args[++i]));
            } else if (args[i].startsWith("--plugins=")) {
                dirs.add(Path.of(args[i].substring("--plugins=".length())));
            }
        }
        return dirs;
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.toString() : m;
    }
}
