package io.offerlab.workloads.reader;

import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.WorkloadStats;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The base of every reader and generator: produces jobs one at a time in arrival order, reports its counters, and
 * exposes the trace attributes (user, priority band, queue...) of the job it last returned, from which the
 * {@code frameworkBy} and {@code roleBy} options name frameworks and roles.
 */
public abstract class TraceReader implements AutoCloseable {
  /** The bad-row policy, from the {@code skipBadRows} option. */
  protected final BadRows badRows;
  /** Data rows read so far. */
  protected long rows;

  /** Reads the shared {@code skipBadRows} option. */
  protected TraceReader(Options options) {
    this.badRows = new BadRows(options.bool("skipBadRows", false));
  }

  /** Returns the next job, in non-decreasing arrival order, or {@code null} at the end. */
  public abstract Job next();

  /** Returns the attribute names this format offers to {@code frameworkBy} and {@code roleBy}. */
  public List<String> attributeKeys() {
    return List.of();
  }

  /** Returns attribute {@code key} of the job last returned by {@link #next()}. */
  public String attribute(String key) {
    throw new IllegalStateException("no attribute " + key);
  }

  /** Returns the cluster the trace implies, if any. */
  public Optional<List<AgentGroup>> clusterHint() {
    return Optional.empty();
  }

  /** Returns the reader's own counters, named {@code FORMAT.what}. */
  protected Map<String, Long> counters() {
    return Map.of();
  }

  /** Returns rows read, rows skipped and counters. */
  public final WorkloadStats stats() {
    return new WorkloadStats(rows, badRows.count(), badRows.examples(), counters());
  }

  /** Releases files. */
  @Override
  public abstract void close();
}
