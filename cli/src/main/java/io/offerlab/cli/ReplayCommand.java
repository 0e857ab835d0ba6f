package io.offerlab.cli;

import io.offerlab.cli.replay.Replay;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code offerlab replay}: replays a workload on a real cluster through any Mesos 1.x master's scheduler API and
 * writes the results files of {@code simulate}. Exit 0 when every job ended, 1 when the run was cut short (master
 * lost, Ctrl-C) after writing the jobs that ended, 2 on bad input.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a workload on a real cluster (one framework per workload framework, each task a stress-ng"
        + " CPU burner) and write results.json, timeseries.csv and jobs.csv.")
final class ReplayCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--master", required = true, paramLabel = "HOST:PORT", description = "The master.")
  String master;

  @Option(names = "--workload", required = true, paramLabel = "SPEC", description = "The workload, FORMAT:PATH.")
  String workload;

  @Option(names = "--workload-option", paramLabel = "KEY=VALUE", description = "An option of the workload reader.")
  Map<String, String> workloadOptions = new LinkedHashMap<>();

  @Option(names = "--speedup", defaultValue = "1", paramLabel = "X",
      description = "Divide arrival times and task work by X (default: ${DEFAULT-VALUE}).")
  double speedup;

  @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Replay the first N jobs (0 = all).")
  int limit;

  @Option(names = "--allocator", defaultValue = "unknown", paramLabel = "NAME",
      description = "The master's allocator, written into results.json (default: ${DEFAULT-VALUE}).")
  String allocator;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder for the results files.")
  Path out;

  @Override
  public Integer call() throws Exception {
    var options = new Replay.Options(master, workload, workloadOptions, speedup, limit, allocator, out);
    var w = spec.commandLine().getOut();
    Thread main = Thread.currentThread();
    Thread hook = new Thread(() -> {
      main.interrupt();
      try {
        main.join(20_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "replay-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Replay.Outcome outcome = Replay.run(options, w);
      long done = outcome.jobs().stream().filter(j -> !"UNFINISHED".equals(j.outcome())).count();
      long ok = outcome.jobs().stream().filter(j -> "COMPLETED".equals(j.outcome())).count();
      w.println(String.format(Locale.ROOT, "replayed %d jobs: %d ended, %d completed; results in %s",
          outcome.jobs().size(), done, ok, out));
      w.flush();
      return outcome.complete() ? 0 : 1;
    } catch (IOException e) {
      spec.commandLine().getErr().println("offerlab replay: cannot run against " + master + ": "
          + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
      return 1;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down already
      }
    }
  }
}
