package io.offerlab.cli;

import io.offerlab.reports.sweep.Shard;
import io.offerlab.reports.sweep.SimCoreSimulator;
import io.offerlab.reports.sweep.Sweep;
import io.offerlab.reports.sweep.SweepConfig;
import io.offerlab.reports.sweep.SweepException;
import io.offerlab.reports.sweep.SweepMatrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code offerlab sweep}: runs allocators x workloads x seeds x parameter values from a YAML file, in parallel and
 * resumably; {@code --shard I/N} runs a deterministic 1/N of the matrix and {@code --merge} combines the shards.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Run a parameter sweep (allocators x workloads x seeds x parameters) from a YAML file; resumable, "
        + "shardable with --shard I/N, combined with --merge.")
final class SweepCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE.yaml", description = "The sweep file.")
  Path config;

  @Option(names = "--shard", paramLabel = "I/N", description = "Run only the I-th of N deterministic parts.")
  String shard;

  @Option(names = "--merge", description = "Combine finished shards into sweep.csv and charts; shard folders run "
      + "elsewhere may be listed after the options.")
  boolean merge;

  @Option(names = "--threads", paramLabel = "N", description = "Runs in parallel (default: the available cores).")
  Integer threads;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The sweep folder.")
  Path out;

  @Parameters(paramLabel = "SHARD_DIR", arity = "0..*", description = "With --merge: other shards' --out folders.")
  List<Path> shardDirs = new ArrayList<>();

  @Override
  public Integer call() {
    SweepConfig sweep = SweepConfig.read(config);
    if (merge && shard != null) {
      throw new SweepException("--merge and --shard: expected one of them, found both");
    }
    if (!merge && !shardDirs.isEmpty()) {
      throw new SweepException("SHARD_DIR: folders are only read with --merge, found " + shardDirs);
    }
    long start = System.nanoTime();
    Sweep.Outcome outcome;
    if (merge) {
      outcome = Sweep.merge(sweep, out, shardDirs);
    } else {
      Shard part = shard == null ? Shard.ALL : Shard.parse(shard);
      int cells = SweepMatrix.shard(SweepMatrix.cells(sweep), part).size();
      SimCoreSimulator simulator = new SimCoreSimulator();
      try (RunProgress progress = RunProgress.start("sweep", cells)) {
        outcome = Sweep.run(sweep, part, out, RunProgress.threads(threads), simulator,
            (cell, done, total) -> progress.step());
      }
      simulator.warnings().forEach(w -> spec.commandLine().getErr().println("offerlab: " + w));
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "sweep: %d runs, %d simulated now, %d already done, %.1f s%n"
        + "table: %s%n", outcome.cells(), outcome.ran(), outcome.cells() - outcome.ran(),
        (System.nanoTime() - start) / 1e9, outcome.table().toAbsolutePath().normalize());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
