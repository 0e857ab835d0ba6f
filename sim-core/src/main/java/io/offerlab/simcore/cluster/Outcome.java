package io.offerlab.simcore.cluster;

import io.offerlab.simcore.results.Results.Framework;
import io.offerlab.simcore.results.Results.Isolation;
import io.offerlab.simcore.results.Results.Summary;
import java.util.List;
import java.util.Map;

/**
 * What a finished simulation reports: the typed sections of results.json (docs/results-schema.md) and
 * the counts perf.json needs.
 *
 * @param endMicros when the run ended (the makespan)
 * @param endReason {@code completed}, {@code endTime} or {@code stalled}
 * @param summary the {@code summary} section
 * @param isolation the {@code isolation} section
 * @param frameworks the {@code frameworks} section, sorted by name
 * @param allocatorOptions the allocator options used
 * @param events engine events processed
 * @param tasksLaunched task attempts launched
 * @param offersMade offers made
 * @param cycles allocation cycles run
 * @param cycleNanos allocator wall time per cycle: mean, p50, p99
 * @param allocatorSeconds wall time spent inside the allocator (cycles, recovers, revives, suppresses)
 * @param cpuAllocated mean fraction of CPUs held by running tasks
 * @param cpuUsed mean fraction of CPUs used
 * @param memAllocated mean fraction of memory held by running tasks
 * @param memUsed mean fraction of memory used
 * @param meanJctSeconds mean completion time of completed jobs (NaN when none)
 * @param jobsSubmitted jobs that arrived
 * @param jobsCompleted jobs that completed
 */
public record Outcome(
    long endMicros,
    String endReason,
    Summary summary,
    Isolation isolation,
    List<Framework> frameworks,
    Map<String, Object> allocatorOptions,
    long events,
    long tasksLaunched,
    long offersMade,
    long cycles,
    Map<String, Object> cycleNanos,
    double allocatorSeconds,
    double cpuAllocated,
    double cpuUsed,
    double memAllocated,
    double memUsed,
    double meanJctSeconds,
    long jobsSubmitted,
    long jobsCompleted) {}
