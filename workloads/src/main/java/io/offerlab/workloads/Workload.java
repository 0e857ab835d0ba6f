package io.offerlab.workloads;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A lazy, closeable stream of jobs in arrival order, opened from a {@code FORMAT:PATH} spec by
 * {@link Workloads#open}. Like Caffeine's trace readers, it holds nothing but what it needs to produce the next job.
 */
public interface Workload extends AutoCloseable {
  /** Returns the spec this workload was opened from, e.g. {@code swf:traces/kth.swf.gz}. */
  String spec();

  /**
   * Returns the jobs in non-decreasing {@link Job#arrivalMicros()} order. Lazy; may be called once. Closing the stream
   * closes the workload. Bad input fails with a {@link WorkloadException} while the stream is consumed.
   */
  Stream<Job> jobs();

  /** Returns the cluster the trace implies (SWF MaxProcs, the Alibaba node list, a synthetic mix's size), if any. */
  Optional<List<AgentGroup>> clusterHint();

  /** Returns rows read, bad rows skipped and reader counters so far; complete once {@link #jobs()} is drained. */
  WorkloadStats skipped();

  /** Releases the files; never throws a checked exception. */
  @Override
  void close();
}
