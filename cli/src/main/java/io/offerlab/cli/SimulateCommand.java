package io.offerlab.cli;

import io.offerlab.simcore.ProgressListener;
import io.offerlab.simcore.RunResult;
import io.offerlab.simcore.RunSpec;
import io.offerlab.simcore.Simulations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code offerlab simulate}: runs one workload against one allocator on a simulated Mesos cluster and writes
 * results.json, timeseries.csv, jobs.csv and perf.json into {@code --out} (docs/simulation.md). Shows a progress bar
 * (simulated time against the end time) on a terminal only, and prints a short summary.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Simulate a workload on a Mesos cluster with one allocator and write the results files.")
final class SimulateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--workload", required = true, paramLabel = "SPEC",
      description = "The workload, FORMAT:PATH (e.g. synthetic:mesos-paper, native:jobs.jsonl, swf:FILE).")
  String workload;

  @Option(names = "--workload-option", paramLabel = "KEY=VALUE",
      description = "An option of the workload reader (repeatable), e.g. synthetic.jobs=1000.")
  Map<String, String> workloadOptions = new LinkedHashMap<>();

  @Option(names = "--allocator", required = true, paramLabel = "NAME",
      description = "The allocator: drf, priority, static, random, asset, slots, drf-sized.")
  String allocator;

  @Option(names = "--cluster", paramLabel = "SPEC",
      description = "uniform:N:RESOURCES, a YAML file of agent groups, or trace (default: the workload's cluster,"
          + " else the config's).")
  String cluster;

  @Option(names = "--config", paramLabel = "FILE.yaml", description = "Settings overriding defaults.yaml.")
  Path config;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "The run seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder for the results files.")
  Path out;

  @Override
  public Integer call() {
    RunSpec run = new RunSpec(workload, workloadOptions, allocator, cluster, config, seed);
    RunResult result;
    if (System.console() != null) {
      try (ProgressBar bar = new ProgressBarBuilder().setTaskName("simulate").setUnit(" s", 1)
          .setInitialMax(-1).setUpdateIntervalMillis(500).build()) {
        result = Simulations.run(run, out, progressOn(bar));
      }
    } else {
      result = Simulations.run(run, out, ProgressListener.NONE);
    }
    PrintWriter w = spec.commandLine().getOut();
    result.warnings().forEach(warning -> spec.commandLine().getErr().println("offerlab: " + warning));
    spec.commandLine().getErr().flush();
    w.println(String.format(Locale.ROOT, "%s on %s, seed %d: makespan %.1f s, %d of %d jobs completed, mean JCT %s",
        allocator, workload, seed, result.makespanSeconds(), result.jobsCompleted(), result.jobsSubmitted(),
        Double.isNaN(result.meanJctSeconds()) ? "n/a" : String.format(Locale.ROOT, "%.1f s", result.meanJctSeconds())));
    w.println("cluster: " + result.run().cluster() + " (" + result.run().clusterDescription() + ")");
    w.println(String.format(Locale.ROOT, "CPU allocated %.1f%%, used %.1f%%; memory allocated %.1f%%, used %.1f%%",
        100 * result.cpuAllocated(), 100 * result.cpuUsed(), 100 * result.memAllocated(), 100 * result.memUsed()));
    w.println(String.format(Locale.ROOT, "%d events in %.1f s (%.0f events/s, %.0f tasks/s); results in %s",
        result.events(), result.wallSeconds(), result.eventsPerSecond(), result.tasksPerSecond(), result.outDir()));
    w.flush();
    return 0;
  }

  private static ProgressListener progressOn(ProgressBar bar) {
    return (simulatedMicros, endMicros) -> {
      if (endMicros > 0) {
        bar.maxHint(endMicros / 1_000_000);
      }
      bar.stepTo(simulatedMicros / 1_000_000);
    };
  }
}
