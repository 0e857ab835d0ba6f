package io.offerlab.simcore.results;

import java.util.List;

/**
 * The key names of results.json and perf.json and the column names of jobs.csv and timeseries.csv, as
 * docs/results-schema.md lists them. Writers and readers use these, never their own string literals.
 */
public final class ResultsKeys {
  private ResultsKeys() {}

  // ---- results.json: top level ---------------------------------------------------------------------------------
  /** The Offerlab version that wrote the file. */
  public static final String OFFERLAB = "offerlab";
  /** What was run. */
  public static final String RUN = "run";
  /** The summary metrics. */
  public static final String SUMMARY = "summary";
  /** The isolation section. */
  public static final String ISOLATION = "isolation";
  /** The per-framework summaries. */
  public static final String FRAMEWORKS = "frameworks";
  /** Workload rows the reader skipped. */
  public static final String SKIPPED_ROWS = "skippedRows";

  // ---- run ---------------------------------------------------------------------------------------------------------
  /** The allocator name. */
  public static final String ALLOCATOR = "allocator";
  /** The allocator options in force. */
  public static final String ALLOCATOR_OPTIONS = "allocatorOptions";
  /** The workload spec. */
  public static final String WORKLOAD = "workload";
  /** The cluster spec as given ({@code trace}, {@code uniform:...} or a file). */
  public static final String CLUSTER = "cluster";
  /** The number of agents. */
  public static final String AGENTS = "agents";
  /** The resolved cluster: groups of identical agents. */
  public static final String AGENT_GROUPS = "agentGroups";
  /** The number of agents of a group. */
  public static final String COUNT = "count";
  /** The resources of each agent of a group, in the Mesos text form. */
  public static final String RESOURCES = "resources";
  /** The seed. */
  public static final String SEED = "seed";
  /** The effective configuration. */
  public static final String CONFIG = "config";

  // ---- summary -------------------------------------------------------------------------------------------------
  /** The makespan in seconds. */
  public static final String MAKESPAN_SECONDS = "makespanSeconds";
  /** Utilisation by resource. */
  public static final String UTILISATION = "utilisation";
  /** CPUs. */
  public static final String CPUS = "cpus";
  /** Memory. */
  public static final String MEM = "mem";
  /** GPUs. */
  public static final String GPUS = "gpus";
  /** Held by running tasks. */
  public static final String ALLOCATED = "allocated";
  /** Used by running tasks. */
  public static final String USED = "used";
  /** Locked in outstanding offers. */
  public static final String OFFERED = "offered";
  /** Job counts. */
  public static final String JOBS = "jobs";
  /** Task counts. */
  public static final String TASKS = "tasks";
  /** Jobs that arrived. */
  public static final String SUBMITTED = "submitted";
  /** Ended well. */
  public static final String COMPLETED = "completed";
  /** Ended failed. */
  public static final String FAILED = "failed";
  /** Killed. */
  public static final String KILLED = "killed";
  /** Still running or waiting at the end. */
  public static final String UNFINISHED = "unfinished";
  /** Task attempts launched. */
  public static final String LAUNCHED = "launched";
  /** Task attempts lost with their agent. */
  public static final String LOST = "lost";
  /** Job completion times. */
  public static final String JOB_COMPLETION_SECONDS = "jobCompletionSeconds";
  /** Job wait times. */
  public static final String JOB_WAIT_SECONDS = "jobWaitSeconds";
  /** Job slowdowns. */
  public static final String JOB_SLOWDOWN = "jobSlowdown";
  /** A distribution's mean. */
  public static final String MEAN = "mean";
  /** A distribution's median. */
  public static final String P50 = "p50";
  /** A distribution's 95th percentile. */
  public static final String P95 = "p95";
  /** A distribution's 99th percentile. */
  public static final String P99 = "p99";
  /** The fairness section. */
  public static final String FAIRNESS = "fairness";
  /** Jain's index of the allocator's dominant shares. */
  public static final String JAIN_DOMINANT_SHARE = "jainDominantShare";
  /** Fraction of probe samples at which every judged framework had its sharing-incentive share. */
  public static final String SHARING_INCENTIVE = "sharingIncentive";
  /** Fraction of probe samples at which no judged framework envied another's allocation. */
  public static final String ENVY_FREENESS = "envyFreeness";
  /** Fraction of probe samples at which no agent had idle room for one more task of a judged framework. */
  public static final String PARETO_EFFICIENCY = "paretoEfficiency";
  /** The probe sample points at which something was judged. */
  public static final String PROBE_SAMPLES = "probeSamples";
  /** The probe keys that hold fractions, in file order. */
  public static final List<String> PROBE_FRACTIONS = List.of(SHARING_INCENTIVE, ENVY_FREENESS, PARETO_EFFICIENCY);
  /** Offer counts. */
  public static final String OFFERS = "offers";
  /** Offers made. */
  public static final String MADE = "made";
  /** Offers accepted. */
  public static final String ACCEPTED = "accepted";
  /** Offers declined. */
  public static final String DECLINED = "declined";
  /** Offers rescinded. */
  public static final String RESCINDED = "rescinded";
  /** Synthetic agent failures. */
  public static final String AGENT_FAILURES = "agentFailures";
  /** Why the run ended. */
  public static final String END_REASON = "endReason";

  // ---- isolation -----------------------------------------------------------------------------------------------
  /** The CPU isolation. */
  public static final String CPU = "cpu";
  /** The memory isolation. */
  public static final String MEMORY = "memory";
  /** CPU-seconds held by running tasks. */
  public static final String CPU_SECONDS_ALLOCATED = "cpuSecondsAllocated";
  /** CPU-seconds used by running tasks. */
  public static final String CPU_SECONDS_USED = "cpuSecondsUsed";
  /** CPU-seconds locked in offers. */
  public static final String CPU_SECONDS_OFFERED = "cpuSecondsOffered";
  /** Task-seconds held at a quota below demand. */
  public static final String THROTTLED_TASK_SECONDS = "throttledTaskSeconds";
  /** A framework's throttled task-seconds. */
  public static final String THROTTLED_SECONDS = "throttledSeconds";
  /** OOM kills. */
  public static final String OOM_KILLS = "oomKills";

  // ---- frameworks ----------------------------------------------------------------------------------------------
  /** The framework name. */
  public static final String NAME = "name";
  /** The framework's role. */
  public static final String ROLE = "role";
  /** Jobs completed. */
  public static final String JOBS_COMPLETED = "jobsCompleted";
  /** Jobs failed. */
  public static final String JOBS_FAILED = "jobsFailed";
  /** Task attempts launched. */
  public static final String TASKS_LAUNCHED = "tasksLaunched";
  /** Task attempts completed. */
  public static final String TASKS_COMPLETED = "tasksCompleted";
  /** Task attempts failed. */
  public static final String TASKS_FAILED = "tasksFailed";
  /** Task attempts killed. */
  public static final String TASKS_KILLED = "tasksKilled";
  /** Task attempts lost. */
  public static final String TASKS_LOST = "tasksLost";
  /** Time-weighted mean dominant share (running tasks). */
  public static final String MEAN_DOMINANT_SHARE = "meanDominantShare";
  /** Time-weighted mean allocator's dominant share (running tasks plus offers, disk included). */
  public static final String MEAN_ALLOCATOR_SHARE = "meanAllocatorShare";
  /** Time-weighted mean CPUs held over the makespan (its CPU-seconds over the makespan). */
  public static final String MEAN_CPUS = "meanCpus";
  /** Simulated seconds the framework's scheduler spent deciding. */
  public static final String SCHEDULER_BUSY_SECONDS = "schedulerBusySeconds";
  /** Task failures by reason. */
  public static final String TASK_FAILURES = "taskFailures";

  // ---- perf.json -----------------------------------------------------------------------------------------------
  /** Wall time of the run. */
  public static final String WALL_SECONDS = "wallSeconds";
  /** Engine events processed. */
  public static final String EVENTS = "events";
  /** Events per wall second. */
  public static final String EVENTS_PER_SECOND = "eventsPerSecond";
  /** Allocator wall time per cycle. */
  public static final String ALLOCATOR_NANOS_PER_CYCLE = "allocatorNanosPerCycle";
  /** Peak heap use. */
  public static final String PEAK_HEAP_BYTES = "peakHeapBytes";

  // ---- jobs.csv ----------------------------------------------------------------------------------------------
  /** The job id column. */
  public static final String JOB_ID = "job_id";
  /** The framework column. */
  public static final String FRAMEWORK = "framework";
  /** The job kind column. */
  public static final String KIND = "kind";
  /** The arrival time column. */
  public static final String ARRIVAL_S = "arrival_s";
  /** The task count column. */
  public static final String TASKS_COLUMN = "tasks";
  /** The outcome column. */
  public static final String OUTCOME = "outcome";
  /** The wait time column. */
  public static final String WAIT_S = "wait_s";
  /** The completion time column. */
  public static final String JCT_S = "jct_s";
  /** The columns of jobs.csv, in order. */
  public static final List<String> JOBS_CSV_COLUMNS = List.of(JOB_ID, FRAMEWORK, ROLE, KIND, ARRIVAL_S,
      "first_start_s", "finish_s", TASKS_COLUMN, "tasks_completed", "tasks_failed", "tasks_killed", OUTCOME, WAIT_S,
      JCT_S, "slowdown");

  // ---- timeseries.csv ----------------------------------------------------------------------------------------
  /** The time column: the end of the interval. */
  public static final String TIME_S = "time_s";
  /** The fixed columns of timeseries.csv, in order; the per-framework columns follow. */
  public static final List<String> TIMESERIES_COLUMNS = List.of(TIME_S, "cpus_total", "cpus_allocated", "cpus_used",
      "cpus_offered", "mem_total", "mem_allocated", "mem_used", "mem_offered", "gpus_total", "gpus_allocated",
      "gpus_used", "gpus_offered", "tasks_running", "tasks_pending", "jain");
  /** The prefix of a framework's dominant share column (running tasks). */
  public static final String SHARE_PREFIX = "share:";
  /** The prefix of a framework's allocator's dominant share column (running tasks plus offers, disk included). */
  public static final String ALLOCATOR_SHARE_PREFIX = "allocator_share:";
  /** The prefix of a framework's allocated CPUs column. */
  public static final String CPUS_PREFIX = "cpus:";

  // ---- file names ----------------------------------------------------------------------------------------------
  /** The run's summary file. */
  public static final String RESULTS_JSON = "results.json";
  /** The run's time series. */
  public static final String TIMESERIES_CSV = "timeseries.csv";
  /** The run's jobs. */
  public static final String JOBS_CSV = "jobs.csv";
  /** The run's wall-time measurements. */
  public static final String PERF_JSON = "perf.json";
}
