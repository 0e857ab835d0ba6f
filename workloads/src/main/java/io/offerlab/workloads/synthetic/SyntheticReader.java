package io.offerlab.workloads.synthetic;

import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.WorkloadException;
import io.offerlab.workloads.reader.Options;
import io.offerlab.workloads.reader.TraceReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Generates a named synthetic mix ({@code synthetic:NAME}) lazily, job by job, from the {@code seed} option (the
 * simulator passes the run seed). The same seed and options give the same jobs.
 */
public final class SyntheticReader extends TraceReader {
  private final Merge merge;
  private final List<AgentGroup> cluster;
  private long jobs;
  private long tasks;

  /** Builds the mix named {@code name}; fails naming the known mixes when there is none. */
  public SyntheticReader(String name, Options options) {
    super(options);
    Mix mix = null;
    List<String> names = new ArrayList<>();
    for (Mix m : Mix.values()) {
      names.add(m.id());
      if (m.id().equals(name)) {
        mix = m;
      }
    }
    if (mix == null) {
      throw new WorkloadException("synthetic: unknown mix '" + name + "'; known mixes: " + String.join(", ", names));
    }
    Generated g = mix.create(options.longValue("seed", 0), options);
    merge = new Merge(g.sources());
    cluster = g.cluster();
  }

  /** Returns the settings the mix named {@code name} suggests, as config YAML, or null (also for unknown names). */
  public static String suggestedConfig(String name) {
    for (Mix m : Mix.values()) {
      if (m.id().equals(name)) {
        return m.suggestedConfig();
      }
    }
    return null;
  }

  /** Returns the names of the synthetic mixes. */
  public static List<String> mixes() {
    List<String> names = new ArrayList<>();
    for (Mix m : Mix.values()) {
      names.add(m.id());
    }
    return List.copyOf(names);
  }

  @Override
  public Job next() {
    Job j = merge.next();
    if (j != null) {
      jobs++;
      tasks += j.tasks().size();
      rows++;
    }
    return j;
  }

  @Override
  public Optional<List<AgentGroup>> clusterHint() {
    return Optional.of(cluster);
  }

  @Override
  protected Map<String, Long> counters() {
    Map<String, Long> m = new TreeMap<>();
    m.put("synthetic.jobs", jobs);
    m.put("synthetic.tasks", tasks);
    return m;
  }

  @Override
  public void close() {
    // nothing to release
  }
}
