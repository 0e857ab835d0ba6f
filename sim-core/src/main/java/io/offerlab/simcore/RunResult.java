package io.offerlab.simcore;

import io.offerlab.simcore.results.Results;
import java.nio.file.Path;
import java.util.List;

/**
 * The headline numbers of a finished run (the files in {@code outDir} hold everything).
 *
 * @param outDir the folder with results.json, timeseries.csv, jobs.csv and perf.json
 * @param run what ran, as results.json records it: allocator, workload, the resolved cluster, seed, config
 * @param warnings things the user should know, one line each (e.g. that the config's default cluster was used)
 * @param makespanSeconds simulated time from 0 to the end of the run
 * @param cpuAllocated time-weighted mean fraction of CPUs held by running tasks
 * @param cpuUsed time-weighted mean fraction of CPUs used
 * @param memAllocated time-weighted mean fraction of memory held by running tasks
 * @param memUsed time-weighted mean fraction of memory used
 * @param meanJctSeconds mean job completion time of completed jobs (NaN when none completed)
 * @param jobsSubmitted jobs that arrived
 * @param jobsCompleted jobs that completed
 * @param wallSeconds wall time of the run
 * @param events engine events processed
 * @param eventsPerSecond events per wall second
 * @param tasksLaunched task attempts launched
 * @param tasksPerSecond task attempts per wall second
 * @param peakHeapBytes peak heap use during the run
 */
public record RunResult(
    Path outDir,
    Results.Run run,
    List<String> warnings,
    double makespanSeconds,
    double cpuAllocated,
    double cpuUsed,
    double memAllocated,
    double memUsed,
    double meanJctSeconds,
    long jobsSubmitted,
    long jobsCompleted,
    double wallSeconds,
    long events,
    double eventsPerSecond,
    long tasksLaunched,
    double tasksPerSecond,
    long peakHeapBytes) {
  /** Copies the warnings. */
  public RunResult {
    warnings = List.copyOf(warnings);
  }
}
