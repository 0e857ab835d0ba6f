package io.offerlab.workloads;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a reader saw so far: rows read, bad rows skipped (with {@code skipBadRows=true}) and their first messages,
 * and reader-specific counters such as {@code google2011.tasksUnfinished}. Complete once the job stream is drained.
 */
public record WorkloadStats(long rowsRead, long skippedRows, List<String> skippedExamples,
    Map<String, Long> counters) {
  /** Copies the lists; the counters are kept sorted by name. */
  public WorkloadStats {
    skippedExamples = List.copyOf(skippedExamples);
    counters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(counters));
  }
}
