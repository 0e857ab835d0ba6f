package io.offerlab.cli;

import io.offerlab.cli.replay.Fidelity;
import io.offerlab.cli.replay.FidelityReport;
import io.offerlab.simcore.results.Numbers;
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
 * {@code offerlab fidelity}: replays a workload on a master and local agents it starts, simulates it on the same
 * cluster with the same allocator, and writes a report of how far apart they are.
 */
@Command(name = "fidelity", mixinStandardHelpOptions = true,
    description = "Replay a workload on a local real cluster, simulate it on the same cluster, and compare:"
        + " per-job JCT error, utilisation and dominant shares over time, offers.")
final class FidelityCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--workload", required = true, paramLabel = "SPEC", description = "The workload, FORMAT:PATH.")
  String workload;

  @Option(names = "--workload-option", paramLabel = "KEY=VALUE", description = "An option of the workload reader.")
  Map<String, String> workloadOptions = new LinkedHashMap<>();

  @Option(names = "--allocator", required = true, paramLabel = "NAME", description = "The allocator of both runs.")
  String allocator;

  @Option(names = "--agents", defaultValue = "1", paramLabel = "N", description = "Local agents (default: ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--agent-resources", defaultValue = "cpus:1.5;mem:1536", paramLabel = "RESOURCES",
      description = "Each agent's resources; leave CPU for the master and agents (default: ${DEFAULT-VALUE}).")
  String agentResources;

  @Option(names = "--allocation-interval", defaultValue = "1s", paramLabel = "DURATION",
      description = "The allocation interval of both runs (default: ${DEFAULT-VALUE}).")
  String interval;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The report folder.")
  Path out;

  @Override
  public Integer call() throws Exception {
    var options = new Fidelity.Options(workload, workloadOptions, allocator, agents, agentResources, interval, out,
        Main.class.getName());
    var w = spec.commandLine().getOut();
    try {
      FidelityReport r = Fidelity.run(options, w);
      w.println(String.format(Locale.ROOT, "%d jobs: JCT error median %s, p95 %s; report in %s",
          r.jobs().size(), Numbers.percent(r.medianError()), Numbers.percent(r.p95Error()),
          out.resolve(FidelityReport.MARKDOWN)));
      w.flush();
      return 0;
    } catch (IOException e) {
      spec.commandLine().getErr().println("offerlab fidelity: " + e.getMessage());
      return 1;
    }
  }
}
