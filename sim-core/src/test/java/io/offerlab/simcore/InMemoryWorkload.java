package io.offerlab.simcore;

import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.Workload;
import io.offerlab.workloads.WorkloadStats;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A workload of jobs built in a test, in arrival order. */
final class InMemoryWorkload implements Workload {
  private final String spec;
  private final List<Job> jobs;
  private final List<AgentGroup> hint;

  InMemoryWorkload(String spec, List<Job> jobs) {
    this(spec, jobs, null);
  }

  InMemoryWorkload(String spec, List<Job> jobs, List<AgentGroup> hint) {
    this.spec = spec;
    this.jobs = List.copyOf(jobs);
    this.hint = hint;
  }

  @Override
  public String spec() {
    return spec;
  }

  @Override
  public Stream<Job> jobs() {
    return jobs.stream();
  }

  @Override
  public Optional<List<AgentGroup>> clusterHint() {
    return Optional.ofNullable(hint);
  }

  @Override
  public WorkloadStats skipped() {
    return new WorkloadStats(jobs.size(), 0, List.of(), Map.of());
  }

  @Override
  public void close() {}
}
