package org.mvclust.runtime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mvclust} command line. */
@Command(name = "mvclust", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "mvclust 0.1.0",
        description = "Deep multi-view clustering: run published methods and recombine their parts by name.",
        subcommands = {RunCommand.class, BenchCommand.class, ReportCommand.class, ListCommand.class, DescribeCommand.class,
                DatasetsCommand.class})
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
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parse) -> {
            cmd.getErr().println("error: " + message(e));
            if (System.getenv("MVCLUST_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return 2;
        });
        return cl.execute(args);
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.toString() : m;
    }
}
