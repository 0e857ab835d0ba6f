package io.offerlab.cli.replay;

import io.offerlab.simcore.ProgressListener;
import io.offerlab.simcore.RunSpec;
import io.offerlab.simcore.Simulations;
import io.offerlab.simcore.results.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code offerlab fidelity}: starts a master and local agents, replays a workload on them, simulates the same
 * workload on the same cluster with the same allocator (the frameworks' decision time set to the replay's measured
 * one), and writes a {@link FidelityReport} comparing the two.
 */
public final class Fidelity {
  /**
   * What to compare.
   *
   * @param workload the workload spec
   * @param workloadOptions the reader's options
   * @param allocator the allocator of both runs
   * @param agents how many local agents
   * @param agentResources each agent's resources, Mesos text form
   * @param interval the allocation interval of both runs
   * @param out the report folder
   * @param mainClass the {@code offerlab} main class the master and agents run
   */
  public record Options(String workload, Map<String, String> workloadOptions, String allocator, int agents,
      String agentResources, String interval, Path out, String mainClass) {
    /** Checks the values; errors name the option. */
    public Options {
      if (agents < 1) {
        throw new IllegalArgumentException("--agents: expected a number >= 1, found " + agents);
      }
      if (!agentResources.matches("cpus:[0-9.]+;mem:[0-9.]+")) {
        throw new IllegalArgumentException("--agent-resources: expected 'cpus:C;mem:M', found '" + agentResources
            + "'");
      }
      workloadOptions = Map.copyOf(workloadOptions);
    }

    /** Returns the CPUs given to all agents together. */
    double agentCpus() {
      return agents * Double.parseDouble(agentResources.substring(5, agentResources.indexOf(';')));
    }
  }

  private Fidelity() {}

  /** Runs both and writes the report; returns it. */
  public static FidelityReport run(Options o, PrintWriter log) throws IOException, InterruptedException {
    Replay.read(new Replay.Options("127.0.0.1:1", o.workload(), o.workloadOptions(), 1, 0, o.allocator(),
        o.out().resolve("real")));
    int hostCpus = Runtime.getRuntime().availableProcessors();
    double reserved = hostCpus - o.agentCpus();
    log.println(String.format(Locale.ROOT, "host CPUs %d; agents get %s; %s CPUs left for the master, the agents"
        + " and the replay's frameworks", hostCpus, fmt(o.agentCpus()), fmt(reserved)));
    log.flush();
    Replay.Outcome real;
    try (LocalCluster cluster = LocalCluster.start(o.out().resolve("cluster"), o.allocator(), o.interval(),
        o.agents(), o.agentResources(), o.mainClass())) {
      real = Replay.run(new Replay.Options(cluster.master(), o.workload(), o.workloadOptions(), 1, 0, o.allocator(),
          o.out().resolve("real")), log);
    }
    if (!real.complete()) {
      throw new IOException("the replay did not finish; its results are in " + o.out().resolve("real"));
    }
    double decision = Double.isNaN(real.decisionSeconds()) ? 0 : real.decisionSeconds();
    List<Double> startups = new ArrayList<>(real.startups());
    Collections.sort(startups);
    double startup = startups.isEmpty() ? Double.NaN : startups.get(startups.size() / 2);
    String config = String.format(Locale.ROOT, """
        # Written by offerlab fidelity: the simulator's settings fitted to the replay.
        master:
          allocationInterval: %s
        frameworks:
          default:
            # the replay frameworks' measured decision time (offer received to the master's 202 for the answer)
            tJob: %s
            tTask: 0s
            refuseSeconds: %s
        metrics:
          sampleInterval: %s
        """, o.interval(), fmt(decision), fmt(ReplayFramework.REFUSE_SECONDS), fmt(Replay.SAMPLE_SECONDS));
    Path configFile = o.out().resolve("sim-config.yaml");
    AtomicFiles.write(configFile, config);
    Simulations.run(new RunSpec(o.workload(), o.workloadOptions(), o.allocator(),
        "uniform:" + o.agents() + ":" + o.agentResources(), configFile, 1), o.out().resolve("sim"),
        ProgressListener.NONE);
    FidelityReport report = FidelityReport.build(o.out(), hostCpus, o.agentCpus(), decision, startup,
        real.rates(), real.offers());
    report.write(o.out());
    return report;
  }

  static String fmt(double v) {
    return io.offerlab.simcore.results.Numbers.format(v);
  }
}
