package org.mvclust.runtime.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mvclust.runtime.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mvclust report DIR}: one HTML page for a run directory or a bench directory. */
@Command(name = "report", description = "Write DIR/report.html: a run (metrics, pictures, resolved graph) or a bench grid "
        + "(mean ± std per method and dataset, each cell's pictures). Self-contained: relative image links, no scripts.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A run directory (has metrics.json) or a bench directory (has CSV grids).")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the page (default: DIR/report.html).")
    Path out;

    @Override
    public Integer call() throws Exception {
        System.out.println("wrote " + HtmlReport.write(dir, out));
        return 0;
    }
}
