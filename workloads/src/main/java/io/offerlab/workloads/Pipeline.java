package io.offerlab.workloads;

import io.offerlab.workloads.reader.Options;
import io.offerlab.workloads.reader.TraceReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The filter and transform chain {@link Workloads#open} puts after a reader, in this order: time window
 * ({@code window=START:END} seconds, arrivals then shifted by -START), seeded sampling ({@code sample}), framework and
 * role naming ({@code frameworkBy}, {@code roleBy}), arrival-rate scaling ({@code rateScale}), first N jobs
 * ({@code limit}). It also keeps each framework name to one role, splitting a framework seen under a second role into
 * {@code framework@role}.
 */
final class Pipeline implements Workload {
  private static final List<String> GENERIC = List.of("framework", "role", "priority", "kind", "format");

  private final String spec;
  private final String format;
  private final TraceReader reader;
  private final long windowStart;
  private final long windowEnd;
  private final boolean windowed;
  private final long limit;
  private final double rateScale;
  private final double sample;
  private final long seed;
  private final String frameworkBy;
  private final String roleBy;
  private final Map<String, String> roleOf = new HashMap<>();
  private boolean opened;
  private boolean closed;
  private long jobsIn;
  private long jobsOut;
  private long split;

  Pipeline(String spec, String format, TraceReader reader, Options options) {
    this.spec = spec;
    this.format = format;
    this.reader = reader;
    String window = options.string("window", "");
    if (window.isEmpty()) {
      windowed = false;
      windowStart = 0;
      windowEnd = Long.MAX_VALUE;
    } else {
      windowed = true;
      int colon = window.indexOf(':');
      if (colon < 0) {
        throw options.bad("window", "START:END in seconds (END may be empty)");
      }
      windowStart = seconds(options, window.substring(0, colon));
      windowEnd = window.substring(colon + 1).isBlank() ? Long.MAX_VALUE
          : seconds(options, window.substring(colon + 1));
      if (windowEnd <= windowStart) {
        throw options.bad("window", "START:END with START < END");
      }
    }
    limit = options.has("limit") ? options.positiveInt("limit", 1) : Long.MAX_VALUE;
    rateScale = options.positiveDouble("rateScale", 1);
    sample = options.fraction("sample", 1);
    seed = options.longValue("seed", 0);
    List<String> keys = new ArrayList<>(reader.attributeKeys());
    for (String g : GENERIC) {
      if (!keys.contains(g)) {
        keys.add(g);
      }
    }
    frameworkBy = options.has("frameworkBy") ? options.choice("frameworkBy", "", keys.toArray(String[]::new)) : null;
    roleBy = options.has("roleBy") ? options.choice("roleBy", "", keys.toArray(String[]::new)) : null;
  }

  private static long seconds(Options options, String text) {
    try {
      double s = Double.parseDouble(text.strip());
      if (s >= 0 && s < 9e12) {
        return Math.round(s * 1e6);
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw options.bad("window", "START:END with non-negative numbers of seconds");
  }

  @Override
  public String spec() {
    return spec;
  }

  @Override
  public Stream<Job> jobs() {
    if (opened) {
      throw new IllegalStateException("Workload.jobs() may be called once: " + spec);
    }
    opened = true;
    Iterator<Job> it = new Iterator<>() {
      private Job next;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next == null && !done) {
          next = advance();
          done = next == null;
        }
        return next != null;
      }

      @Override
      public Job next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Job j = next;
        next = null;
        return j;
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it,
        Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false).onClose(this::close);
  }

  private Job advance() {
    if (closed) {
      throw new IllegalStateException("workload closed: " + spec);
    }
    while (jobsOut < limit) {
      Job j = reader.next();
      if (j == null) {
        break;
      }
      jobsIn++;
      if (j.arrivalMicros() < windowStart) {
        continue;
      }
      if (j.arrivalMicros() >= windowEnd) {
        break;
      }
      if (sample < 1 && !sampled(j.id())) {
        continue;
      }
      j = rename(j);
      long arrival = j.arrivalMicros() - windowStart;
      if (rateScale != 1) {
        arrival = Math.round(arrival / rateScale);
      }
      if (arrival != j.arrivalMicros()) {
        j = j.withArrival(arrival);
      }
      jobsOut++;
      return j;
    }
    if (jobsOut == 0) {
      throw new WorkloadException(spec + ": no jobs (the trace has none"
          + (windowed || sample < 1 ? ", or the window and sample options removed them all" : "")
          + (reader.stats().skippedRows() > 0 ? ", or every row was bad and skipped" : "") + ")");
    }
    return null;
  }

  /** Keeps a job with probability {@code sample}, decided by a seeded hash of its id (independent of order). */
  private boolean sampled(String id) {
    long h = 0xcbf29ce484222325L ^ seed * 0x9E3779B97F4A7C15L;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (h >>> 11) * 0x1.0p-53 < sample;
  }

  /**
   * Names the job's framework and role. An empty attribute (a trace row with no user, say) names nothing: the
   * framework keeps the reader's name, and a role left empty is the framework's name, as Mesos rejects an empty role.
   */
  private Job rename(Job j) {
    String framework = frameworkBy == null ? j.framework() : value(frameworkBy, j);
    if (framework == null || framework.isEmpty()) {
      framework = j.framework();
    }
    String role;
    if (roleBy != null) {
      role = value(roleBy, j);
    } else {
      role = j.role().equals(j.framework()) ? framework : j.role();
    }
    if (role == null || role.isEmpty()) {
      role = framework;
    }
    String known = roleOf.putIfAbsent(framework, role);
    if (known != null && !known.equals(role)) {
      framework = framework + "@" + role;
      roleOf.putIfAbsent(framework, role);
      split++;
    }
    if (framework.equals(j.framework()) && role.equals(j.role())) {
      return j;
    }
    return j.withNames(framework, role);
  }

  private String value(String key, Job j) {
    if (reader.attributeKeys().contains(key)) {
      return reader.attribute(key);
    }
    return switch (key) {
      case "framework" -> j.framework();
      case "role" -> j.role();
      case "priority" -> "priority-" + j.priority();
      case "kind" -> j.kind().label();
      default -> format;
    };
  }

  @Override
  public Optional<List<AgentGroup>> clusterHint() {
    return reader.clusterHint();
  }

  @Override
  public WorkloadStats skipped() {
    WorkloadStats s = reader.stats();
    Map<String, Long> counters = new TreeMap<>(s.counters());
    counters.put("workload.jobsRead", jobsIn);
    counters.put("workload.jobsOut", jobsOut);
    counters.put("workload.frameworksSplitByRole", split);
    return new WorkloadStats(s.rowsRead(), s.skippedRows(), s.skippedExamples(), counters);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      reader.close();
    }
  }
}
