package io.offerlab.cli;

import io.offerlab.reports.charts.ComparisonCharts;
import io.offerlab.reports.compare.ComparisonReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code offerlab report DIR}: redraws the charts, tables and index.html of a compare (or simulate) folder from its
 * results files, without simulating (STYLE.md: the per-run CSV is the source of truth).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Re-render charts, summary tables and index.html of a compare or simulate folder from its CSVs.")
final class ReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "A compare --out folder, or one simulate --out folder.")
  Path dir;

  @Option(names = "--baseline", paramLabel = "NAME",
      description = "The run speedups are measured against (default: the first allocator of the comparison).")
  String baseline;

  @Option(names = "--top-frameworks", paramLabel = "N", defaultValue = "" + ComparisonCharts.DEFAULT_TOP_FRAMEWORKS,
      description = "Frameworks drawn individually; the rest are grouped as \"other\" (default: ${DEFAULT-VALUE}).")
  int topFrameworks;

  @Override
  public Integer call() {
    ComparisonReport.render(dir, baseline, topFrameworks);
    spec.commandLine().getOut().println("report: " + dir.resolve("index.html").toAbsolutePath().normalize());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
