package io.offerlab.cli;

import io.offerlab.reports.compare.CompareManifest;
import io.offerlab.reports.compare.Comparison;
import io.offerlab.reports.compare.ComparisonReport;
import io.offerlab.reports.compare.ComparisonSummary;
import io.offerlab.reports.compare.Headline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code offerlab demo}: the Mesos paper's headline experiment (Hindman et al., NSDI 2011, section 6.1) on the
 * embedded default: the {@code synthetic:mesos-paper} mix on 96 agents of 4 CPUs and 15 GB, static partitioning
 * against DRF and strict priority. It prints the headline table and where index.html is.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Compare static, drf and priority on synthetic:mesos-paper over 96 agents (4 CPUs, 15 GB) and "
        + "print the headline: utilisation and per-framework speedup of drf over static.")
final class DemoCommand implements Callable<Integer> {
  static final String WORKLOAD = "synthetic:mesos-paper";
  static final String CLUSTER = "uniform:96:cpus:4;mem:15360";
  static final List<String> ALLOCATORS = List.of("static", "drf", "priority");
  /** The seeds the demo pools by default; docs/reports.md states how long they take. */
  static final String DEFAULT_SEEDS = "1..5";

  @Spec
  CommandSpec spec;

  @Option(names = "--out", defaultValue = "offerlab-demo", paramLabel = "DIR",
      description = "The output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--config", paramLabel = "FILE.yaml",
      description = "Configuration overriding defaults.yaml (default: none, the embedded defaults).")
  Path config;

  @Option(names = "--seed", paramLabel = "N", description = "Run one seed only, into ALLOCATOR/ (not with --seeds).")
  Long seed;

  @Option(names = "--seeds", paramLabel = "FROM..TO|N,N...", description = "The seeds, each into ALLOCATOR/seed-N/,"
      + " pooled with 95% confidence intervals (default: " + DEFAULT_SEEDS + ").")
  String seeds;

  @Option(names = "--threads", paramLabel = "N", description = "Runs in parallel (default: the available cores).")
  Integer threads;

  @Override
  public Integer call() {
    if (seed != null && seeds != null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--seed and --seeds: expected one of them, found both");
    }
    List<Long> seedList = seed != null ? List.of() : Seeds.parse(spec.commandLine(), seeds == null ? DEFAULT_SEEDS
        : seeds);
    List<String> args = new ArrayList<>(List.of("./offerlab", "compare", "--workload", WORKLOAD, "--allocators",
        String.join(",", ALLOCATORS), "--cluster", CLUSTER));
    if (seed != null) {
      args.addAll(List.of("--seed", Long.toString(seed)));
    } else {
      args.addAll(List.of("--seeds", seeds == null ? DEFAULT_SEEDS : seeds));
    }
    if (config != null) {
      args.addAll(List.of("--config", config.toString()));
    }
    args.addAll(List.of("--out", out.toString()));
    String command = CompareManifest.commandLine(args);
    long start = System.nanoTime();
    ComparisonSummary summary;
    try (RunProgress progress = RunProgress.start("demo", ALLOCATORS.size() * Math.max(1, seedList.size()))) {
      summary = Comparison.run(new Comparison.Request(WORKLOAD, Map.of(), ALLOCATORS, CLUSTER, config,
          seed == null ? 1 : seed, command, seedList), out, RunProgress.threads(threads),
          (allocator, done, total) -> progress.step());
    }
    double wall = (System.nanoTime() - start) / 1e9;
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "Offerlab demo: %s on %s (%s), %s (the Mesos paper, NSDI 2011, section 6.1)%n%n",
        WORKLOAD, CLUSTER, summary.allocators().get(0).summary().results().run().clusterDescription(),
        seed != null ? "seed " + seed : "seeds " + seedList);
    o.println(ComparisonReport.headline(out));
    o.println();
    if (seed == null) {
      o.printf(Locale.ROOT, "Per framework, drf over static over %d seeds (geometric means):%n", seedList.size());
      o.print(Headline.pooled(out, "drf"));
      o.printf(Locale.ROOT, "%nSeed %d:%n", seedList.get(0));
    }
    o.print(Headline.text(summary, "static", "drf"));
    o.printf(Locale.ROOT, "%nreport: %s%nsame as: %s%ndone in %.1f s%n",
        out.resolve("index.html").toAbsolutePath().normalize(), command, wall);
    o.flush();
    return 0;
  }
}
