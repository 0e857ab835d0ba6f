package io.offerlab.cli;

import io.offerlab.reports.compare.CompareManifest;
import io.offerlab.reports.compare.Comparison;
import io.offerlab.reports.compare.ComparisonSummary;
import io.offerlab.reports.reproduce.ReproTable;
import io.offerlab.reports.reproduce.StrategyProbe;
import io.offerlab.simcore.results.AtomicFiles;
import io.offerlab.simcore.results.Results;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code offerlab compare}: runs several allocators on the same workload, cluster and seed, in parallel, and writes one
 * subfolder per allocator plus summary.csv, summary.md, charts and index.html (docs/results-schema.md).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Run each allocator on the same workload, cluster and seed; write per-run folders, summary tables,"
        + " charts and index.html.")
final class CompareCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--workload", required = true, paramLabel = "SPEC",
      description = "The workload, FORMAT:PATH, e.g. synthetic:mesos-paper or google2011:DIR.")
  String workload;

  @Option(names = "--allocators", required = true, paramLabel = "NAME,NAME...",
      description = "Allocators to compare; the first is the baseline of speedups, e.g. static,drf,priority.")
  String allocatorList;

  @Option(names = "--cluster", paramLabel = "SPEC",
      description = "The cluster, e.g. 'uniform:96:cpus:4;mem:15360' (quoted: ';' ends a shell command) (default: the"
          + " workload's or the config's).")
  String cluster;

  @Option(names = "--config", paramLabel = "FILE.yaml", description = "Configuration overriding defaults.yaml.")
  Path config;

  @Option(names = "--seed", paramLabel = "N", description = "The seed every run shares (default: 1); runs go to "
      + "ALLOCATOR/.")
  Long seed;

  @Option(names = "--seeds", paramLabel = "FROM..TO|N,N...", description = "Run every allocator on each seed, into "
      + "ALLOCATOR/seed-N/, and pool the seeds with 95% confidence intervals (summary-ci.csv); not with --seed.")
  String seeds;

  @Option(names = "--workload-option", paramLabel = "KEY=VALUE", description = "An option for the workload reader.")
  Map<String, String> workloadOptions = new LinkedHashMap<>();

  @Option(names = "--threads", paramLabel = "N", description = "Runs in parallel (default: the available cores).")
  Integer threads;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output folder.")
  Path out;

  @Option(names = "--probe-strategy", description = "Also run the strategy-proofness probe: each framework in turn"
      + " asks for 1.5x its non-dominant resources; writes strategy/ and strategy.csv, strategy.md (docs/fairness.md).")
  boolean probeStrategy;

  @Override
  public Integer call() {
    List<String> allocators = List.of(allocatorList.split(",", -1));
    if (seed != null && seeds != null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--seed and --seeds: expected one of them, found both");
    }
    List<Long> seedList = seeds == null ? List.of() : Seeds.parse(spec.commandLine(), seeds);
    List<String> args = new ArrayList<>(List.of("./offerlab", "compare"));
    List<String> given = spec.commandLine().getParseResult().originalArgs();
    args.addAll(given.subList(given.indexOf(spec.name()) + 1, given.size()));
    Comparison.Request request = new Comparison.Request(workload, workloadOptions, allocators, cluster, config,
        seed == null ? 1 : seed, CompareManifest.commandLine(args), seedList);
    int runs = allocators.size() * Math.max(1, seedList.size());
    long start = System.nanoTime();
    ComparisonSummary summary;
    try (RunProgress progress = RunProgress.start("compare", runs)) {
      summary = Comparison.run(request, out, RunProgress.threads(threads), new Comparison.Listener() {
        @Override
        public void finished(String allocator, int done, int total) {
          progress.step();
        }

        @Override
        public void warning(String message) {
          spec.commandLine().getErr().println("offerlab: " + message);
        }
      });
    }
    if (probeStrategy) {
      List<Long> probeSeeds = seedList.isEmpty() ? List.of(seed == null ? 1L : seed) : seedList;
      List<StrategyProbe.Row> rows = StrategyProbe.run(new StrategyProbe.Request(workload, workloadOptions,
          allocators, cluster, config, probeSeeds), out.resolve("strategy"), RunProgress.threads(threads));
      ReproTable table = StrategyProbe.table("strategy", "Strategy-proofness probe", rows, probeSeeds);
      table.writeCsv(out);
      AtomicFiles.write(out.resolve("strategy.md"), "# " + table.title() + "\n\n" + table.markdown()
          .substring(table.markdown().indexOf('\n') + 1));
      for (StrategyProbe.Row r : rows) {
        if (r.gained()) {
          spec.commandLine().getOut().printf(java.util.Locale.ROOT, "strategy probe: %s gains by lying under %s%n",
              r.framework(), r.allocator());
        }
      }
    }
    Results.Run ran = summary.allocators().get(0).summary().results().run();
    spec.commandLine().getOut().printf(java.util.Locale.ROOT, "compare: %d runs in %.1f s%ncluster: %s (%s)%n"
        + "report: %s%n", runs, (System.nanoTime() - start) / 1e9, ran.cluster(),
        ran.clusterDescription(), out.resolve("index.html").toAbsolutePath().normalize());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
