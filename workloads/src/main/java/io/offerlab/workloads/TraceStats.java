package io.offerlab.workloads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * The summary {@code offerlab trace stats} prints: jobs, tasks, time span, total requested resources and
 * resource-seconds, and the peak of concurrently requested resources, overall and per role.
 *
 * <p>The peak assumes an unbounded cluster: every task runs from its job's arrival for its duration (unbounded tasks
 * never end). It is the demand the trace puts on a cluster, not what any cluster ran. Resources are summed in exact
 * thousandths, as Mesos keeps scalars, so the numbers do not drift.
 */
public final class TraceStats {
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();
  private static final int R = 4;

  /** Running sums of one scope (the whole trace or one role). */
  private static final class Scope {
    long jobs;
    long tasks;
    final long[] requested = new long[R];
    final double[] seconds = new double[R];
    final long[] current = new long[R];
    final long[] peak = new long[R];
    final Set<String> frameworks = new HashSet<>();
  }

  private record Ending(long end, int role, long[] milli) {}

  private final Scope all = new Scope();
  private final Map<String, Scope> roles = new TreeMap<>();
  private final List<Scope> roleIndex = new ArrayList<>();
  private final Map<String, Integer> roleIds = new HashMap<>();
  private final PriorityQueue<Ending> endings = new PriorityQueue<>((a, b) -> Long.compare(a.end(), b.end()));
  private final Map<JobKind, Long> kinds = new EnumMap<>(JobKind.class);
  private long first = -1;
  private long lastArrival;
  private long lastEnd;
  private long unbounded;

  private TraceStats() {}

  /** Reads the whole workload and returns its summary as pretty-printed JSON (Locale-independent numbers). */
  public static String json(Workload workload) {
    TraceStats s = new TraceStats();
    workload.jobs().forEachOrdered(s::add);
    ObjectNode root = s.toJson(workload);
    try {
      DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));
      return JSON.writer(pp).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void add(Job job) {
    long t = job.arrivalMicros();
    if (first < 0) {
      first = t;
    }
    lastArrival = t;
    while (!endings.isEmpty() && endings.peek().end() <= t) {
      Ending e = endings.poll();
      for (int k = 0; k < R; k++) {
        all.current[k] -= e.milli()[k];
        roleIndex.get(e.role()).current[k] -= e.milli()[k];
      }
    }
    Integer id = roleIds.get(job.role());
    if (id == null) {
      id = roleIndex.size();
      roleIds.put(job.role(), id);
      Scope s = new Scope();
      roleIndex.add(s);
      roles.put(job.role(), s);
    }
    Scope role = roleIndex.get(id);
    kinds.merge(job.kind(), 1L, Long::sum);
    for (Scope s : new Scope[] {all, role}) {
      s.jobs++;
      s.tasks += job.tasks().size();
      s.frameworks.add(job.framework());
    }
    Map<Long, long[]> byEnd = new HashMap<>();
    ResourceShape lastShape = null;
    long[] m = null;
    double[] r = null;
    for (TaskSpec task : job.tasks()) {
      if (task.request() != lastShape) {
        lastShape = task.request();
        m = milli(lastShape);
        r = vector(lastShape);
      }
      for (int k = 0; k < R; k++) {
        all.requested[k] += m[k];
        role.requested[k] += m[k];
      }
      if (task.durationMicros() == 0) {
        continue;
      }
      for (int k = 0; k < R; k++) {
        all.current[k] += m[k];
        role.current[k] += m[k];
      }
      if (task.unbounded()) {
        unbounded++;
        continue;
      }
      double secs = task.durationMicros() / 1e6;
      for (int k = 0; k < R; k++) {
        all.seconds[k] += r[k] * secs;
        role.seconds[k] += r[k] * secs;
      }
      long end = t + task.durationMicros();
      lastEnd = Math.max(lastEnd, end);
      long[] sum = byEnd.computeIfAbsent(end, e -> new long[R]);
      for (int k = 0; k < R; k++) {
        sum[k] += m[k];
      }
    }
    int roleId = id;
    byEnd.forEach((end, sum) -> endings.add(new Ending(end, roleId, sum)));
    for (Scope s : new Scope[] {all, role}) {
      for (int k = 0; k < R; k++) {
        s.peak[k] = Math.max(s.peak[k], s.current[k]);
      }
    }
  }

  private static double[] vector(ResourceShape r) {
    return new double[] {r.cpus(), r.memMb(), r.diskMb(), r.gpus()};
  }

  private static long[] milli(ResourceShape r) {
    double[] v = vector(r);
    long[] m = new long[R];
    for (int k = 0; k < R; k++) {
      m[k] = Math.round(v[k] * 1000);
    }
    return m;
  }

  private ObjectNode toJson(Workload workload) {
    ObjectNode root = JSON.createObjectNode();
    root.put("workload", workload.spec());
    root.put("jobs", all.jobs);
    root.put("tasks", all.tasks);
    ObjectNode k = root.putObject("kinds");
    for (JobKind kind : JobKind.values()) {
      k.put(kind.label(), kinds.getOrDefault(kind, 0L));
    }
    root.put("frameworks", all.frameworks.size());
    root.put("roles", roles.size());
    long start = Math.max(first, 0);
    root.put("firstArrivalSeconds", micros(start));
    root.put("lastArrivalSeconds", micros(lastArrival));
    root.put("lastEndSeconds", micros(Math.max(lastEnd, lastArrival)));
    root.put("spanSeconds", micros(Math.max(lastEnd, lastArrival) - start));
    root.put("unboundedTasks", unbounded);
    scope(root, all);
    ObjectNode byRole = root.putObject("perRole");
    roles.forEach((name, s) -> {
      ObjectNode r = byRole.putObject(name);
      r.put("jobs", s.jobs);
      r.put("tasks", s.tasks);
      r.put("frameworks", s.frameworks.size());
      scope(r, s);
    });
    if (workload.clusterHint().isPresent()) {
      ArrayNode groups = root.putArray("clusterHint");
      long[] total = new long[R];
      long agents = 0;
      for (AgentGroup g : workload.clusterHint().get()) {
        ObjectNode o = groups.addObject();
        o.put("count", g.count());
        resources(o, milli(g.shape()));
        long[] m = milli(g.shape());
        for (int i = 0; i < R; i++) {
          total[i] += m[i] * g.count();
        }
        agents += g.count();
      }
      ObjectNode t = root.putObject("clusterTotal");
      t.put("agents", agents);
      resources(t, total);
    } else {
      root.putNull("clusterHint");
    }
    WorkloadStats st = workload.skipped();
    root.put("rowsRead", st.rowsRead());
    root.put("skippedRows", st.skippedRows());
    ArrayNode ex = root.putArray("skippedExamples");
    st.skippedExamples().forEach(ex::add);
    ObjectNode c = root.putObject("counters");
    st.counters().forEach(c::put);
    return root;
  }

  private static void scope(ObjectNode node, Scope s) {
    resources(node.putObject("requested"), s.requested);
    ObjectNode sec = node.putObject("requestedSeconds");
    String[] names = {"cpus", "memMb", "diskMb", "gpus"};
    for (int k = 0; k < R; k++) {
      sec.put(names[k], round3(s.seconds[k]));
    }
    resources(node.putObject("peakRequested"), s.peak);
  }

  private static void resources(ObjectNode node, long[] milli) {
    node.put("cpus", BigDecimal.valueOf(milli[0], 3).stripTrailingZeros());
    node.put("memMb", BigDecimal.valueOf(milli[1], 3).stripTrailingZeros());
    node.put("diskMb", BigDecimal.valueOf(milli[2], 3).stripTrailingZeros());
    node.put("gpus", BigDecimal.valueOf(milli[3], 3).stripTrailingZeros());
  }

  private static BigDecimal micros(long micros) {
    return BigDecimal.valueOf(micros, 6).stripTrailingZeros();
  }

  private static BigDecimal round3(double v) {
    return new BigDecimal(v).setScale(3, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
  }
}
