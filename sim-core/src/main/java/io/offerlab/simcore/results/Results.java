package io.offerlab.simcore.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed contents of one run's {@code results.json} (docs/results-schema.md). Doubles that the file lacks or holds
 * as {@code null} are NaN; counts the file lacks are {@link #ABSENT}. {@link ResultsJson} writes and reads it, and
 * writing what was read gives the same bytes.
 *
 * @param offerlab the Offerlab version that wrote it
 * @param run what was run
 * @param summary the summary metrics
 * @param isolation the isolation section
 * @param frameworks the per-framework summaries, sorted by name
 * @param skippedRows workload rows the reader skipped
 */
public record Results(String offerlab, Run run, Summary summary, Isolation isolation, List<Framework> frameworks,
    long skippedRows) {
  /** A count the file does not have. */
  public static final long ABSENT = -1;

  /** Copies the list. */
  public Results {
    frameworks = List.copyOf(frameworks);
  }

  /**
   * What was run.
   *
   * @param allocator the allocator name
   * @param allocatorOptions the allocator options in force, as an ordered JSON tree
   * @param workload the workload spec
   * @param cluster the cluster spec as given: {@code trace}, {@code uniform:N:RESOURCES} or a YAML file
   * @param agents the number of agents
   * @param agentGroups the resolved cluster: groups of identical agents (empty in files written before it existed)
   * @param seed the seed
   * @param config the effective configuration, as an ordered JSON tree
   */
  public record Run(String allocator, Map<String, Object> allocatorOptions, String workload, String cluster,
      long agents, List<AgentGroup> agentGroups, long seed, Map<String, Object> config) {
    /** Copies the collections (the trees keep their order). */
    public Run {
      agentGroups = List.copyOf(agentGroups);
      allocatorOptions = Collections.unmodifiableMap(new LinkedHashMap<>(allocatorOptions));
      config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** Describes the resolved cluster for people, e.g. {@code 96 agents of cpus:4;mem:15360}. */
    public String clusterDescription() {
      return AgentGroup.describe(agentGroups, agents);
    }
  }

  /**
   * A group of identical agents.
   *
   * @param count how many
   * @param resources each one's resources in the Mesos text form, e.g. {@code cpus:4;mem:15360}
   */
  public record AgentGroup(long count, String resources) {
    /** The most groups a description names before summarising the rest. */
    static final int DESCRIBED_GROUPS = 4;

    /** Describes groups for people: {@code 10 agents of cpus:8;mem:32768 + 2 agents of cpus:16;mem:65536}. */
    public static String describe(List<AgentGroup> groups, long agents) {
      if (groups.isEmpty()) {
        return agents < 0 ? "unknown agents" : agents + " agents";
      }
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < Math.min(groups.size(), DESCRIBED_GROUPS); i++) {
        if (i > 0) {
          out.append(" + ");
        }
        AgentGroup g = groups.get(i);
        out.append(g.count()).append(g.count() == 1 ? " agent of " : " agents of ").append(g.resources());
      }
      if (groups.size() > DESCRIBED_GROUPS) {
        long rest = 0;
        for (AgentGroup g : groups.subList(DESCRIBED_GROUPS, groups.size())) {
          rest += g.count();
        }
        out.append(" + ").append(rest).append(" agents in ").append(groups.size() - DESCRIBED_GROUPS)
            .append(" more shapes");
      }
      return out.toString();
    }
  }

  /**
   * The summary section.
   *
   * @param makespanSeconds when the run ended
   * @param cpus CPU utilisation
   * @param mem memory utilisation
   * @param gpus GPU utilisation, or null when the cluster has no GPUs
   * @param jobs job counts
   * @param tasks task attempt counts
   * @param jobCompletionSeconds completion times of completed jobs
   * @param jobWaitSeconds wait times of jobs that started
   * @param jainDominantShare Jain's index of dominant shares, time-weighted
   * @param offers offer counts
   * @param agentFailures synthetic agent failures
   * @param endReason {@code completed}, {@code endTime} or {@code stalled}
   * @param probes the fairness-property probes of the run, or null when the file has none (real runs, older files)
   */
  public record Summary(double makespanSeconds, Utilisation cpus, Utilisation mem, Utilisation gpus, JobCounts jobs,
      TaskCounts tasks, Distribution jobCompletionSeconds, Distribution jobWaitSeconds, double jainDominantShare,
      OfferCounts offers, long agentFailures, String endReason, Probes probes) {}

  /**
   * The fairness-property probes (docs/fairness.md): each a fraction of the probe's sample points at which the property
   * held, so 1 is best; NaN when nothing was judged.
   *
   * @param sharingIncentive every judged framework ran at least its 1/n slice's worth of tasks of its shape
   * @param envyFreeness no judged framework could run more tasks of its shape in another framework's allocation
   * @param paretoEfficiency no agent had idle, unoffered room for one more task of a judged framework's shape
   * @param samples the sample points at which at least one framework (for a framework: it) was judged
   */
  public record Probes(double sharingIncentive, double envyFreeness, double paretoEfficiency, long samples) {}

  /**
   * Time-weighted mean fractions of one resource over the makespan.
   *
   * @param allocated held by running tasks
   * @param used used by running tasks
   * @param offered locked in outstanding offers
   */
  public record Utilisation(double allocated, double used, double offered) {}

  /**
   * Job counts.
   *
   * @param submitted arrived
   * @param completed completed
   * @param failed failed
   * @param killed killed
   * @param unfinished still running or waiting at the end
   */
  public record JobCounts(long submitted, long completed, long failed, long killed, long unfinished) {}

  /**
   * Task attempt counts.
   *
   * @param launched launched
   * @param completed completed
   * @param failed failed
   * @param killed killed by their framework
   * @param lost lost with their agent
   */
  public record TaskCounts(long launched, long completed, long failed, long killed, long lost) {}

  /**
   * Offer counts.
   *
   * @param made made
   * @param accepted accepted (some resources launched)
   * @param declined declined
   * @param rescinded rescinded
   */
  public record OfferCounts(long made, long accepted, long declined, long rescinded) {}

  /**
   * A distribution's mean and nearest-rank percentiles; NaN when there was no data.
   *
   * @param mean the mean
   * @param p50 the median
   * @param p95 the 95th percentile
   * @param p99 the 99th percentile
   */
  public record Distribution(double mean, double p50, double p95, double p99) {
    /** A distribution with no data. */
    public static final Distribution EMPTY = new Distribution(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  /**
   * The isolation section.
   *
   * @param cpu the CPU isolation ({@code shares} or {@code quota})
   * @param memory the memory isolation
   * @param cpuSecondsAllocated CPU-seconds held by running tasks
   * @param cpuSecondsUsed CPU-seconds used
   * @param throttledTaskSeconds task-seconds held at a quota below demand
   * @param oomKills OOM kills
   * @param jobSlowdown per-job slowdown
   */
  public record Isolation(String cpu, String memory, double cpuSecondsAllocated, double cpuSecondsUsed,
      double throttledTaskSeconds, long oomKills, Distribution jobSlowdown) {}

  /**
   * One framework's summary.
   *
   * @param name the framework
   * @param role its role
   * @param jobs jobs it received
   * @param jobsCompleted jobs completed
   * @param jobsFailed jobs failed
   * @param tasksLaunched task attempts launched
   * @param tasksCompleted task attempts completed
   * @param tasksFailed task attempts failed
   * @param tasksKilled task attempts killed
   * @param tasksLost task attempts lost
   * @param meanDominantShare time-weighted mean dominant share of its running tasks
   * @param meanAllocatorShare time-weighted mean of the share the allocator equalises: running tasks plus outstanding
   *     offers over the cluster total, disk included (NaN in files written before it was recorded)
   * @param meanCpus time-weighted mean CPUs held over the makespan: its CPU-seconds over the makespan
   * @param cpuSecondsAllocated CPU-seconds held by its tasks
   * @param cpuSecondsUsed CPU-seconds its tasks used
   * @param cpuSecondsOffered CPU-seconds locked in offers to it
   * @param throttledSeconds task-seconds held below demand
   * @param oomKills OOM kills
   * @param taskFailures task failures by reason, in name order
   * @param jobCompletionSeconds completion times
   * @param jobWaitSeconds wait times
   * @param jobSlowdown slowdowns
   * @param probes the fairness-property probes for this framework, or null when the file has none
   * @param schedulerBusySeconds simulated time its scheduler spent deciding (tJob and tTask), NaN when unknown
   */
  public record Framework(String name, String role, long jobs, long jobsCompleted, long jobsFailed,
      long tasksLaunched, long tasksCompleted, long tasksFailed, long tasksKilled, long tasksLost,
      double meanDominantShare, double meanAllocatorShare, double meanCpus, double cpuSecondsAllocated, double cpuSecondsUsed,
      double cpuSecondsOffered, double throttledSeconds, long oomKills, Map<String, Long> taskFailures,
      Distribution jobCompletionSeconds, Distribution jobWaitSeconds, Distribution jobSlowdown, Probes probes,
      double schedulerBusySeconds) {
    /** Copies the failure counts, keeping their order. */
    public Framework {
      taskFailures = Collections.unmodifiableMap(new LinkedHashMap<>(taskFailures));
    }
  }
}
