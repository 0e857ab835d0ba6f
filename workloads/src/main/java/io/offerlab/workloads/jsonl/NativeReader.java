package io.offerlab.workloads.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import io.offerlab.workloads.UsagePoint;
import io.offerlab.workloads.WorkloadException;
import io.offerlab.workloads.reader.LineSource;
import io.offerlab.workloads.reader.Options;
import io.offerlab.workloads.reader.TraceInput;
import io.offerlab.workloads.reader.TraceReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the native JSON-lines format documented in docs/workloads.md: an optional first line
 * {@code {"cluster": [...]}}, then one job object per line in non-decreasing arrival order. Times are seconds with
 * up to microsecond precision; {@code "duration": "unbounded"} is a task that runs until killed. Blank lines and
 * lines starting with {@code #} are ignored.
 */
public final class NativeReader extends TraceReader {
  private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(9_000_000_000_000L);
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final LineSource src;
  private final Optional<List<AgentGroup>> hint;
  private JsonNode pending;
  private long lastArrival;
  private long jobsEmitted;

  /** Opens a native file (plain, gzip or zip) and reads its cluster line if it has one. */
  public NativeReader(String location, Options options) {
    super(options);
    src = new LineSource(TraceInput.requireFile("native", TraceInput.existing("native", location)));
    try {
      Optional<List<AgentGroup>> cluster = Optional.empty();
      while (src.next()) {
        if (skippable()) {
          continue;
        }
        JsonNode node = parseLine();
        if (node != null && node.has("cluster")) {
          cluster = Optional.of(cluster(node));
          continue;
        }
        pending = node;
        rows++;
        break;
      }
      if (pending == null && rows == 0) {
        throw src.emptyError("a job line");
      }
      hint = cluster;
    } catch (RuntimeException e) {
      src.close();
      throw e;
    }
  }

  private boolean skippable() {
    return src.blank() || src.startsWith('#');
  }

  /** Parses the current line as a JSON object; returns null (counted) when it is bad and bad rows are skipped. */
  private JsonNode parseLine() {
    try {
      JsonNode node;
      try {
        node = JSON.readTree(src.bytes(), src.start(), src.end() - src.start());
      } catch (JsonProcessingException e) {
        throw src.error("a JSON object", src.text());
      } catch (IOException e) {
        throw src.error("a JSON object", src.text());
      }
      if (node == null || !node.isObject()) {
        throw src.error("a JSON object", src.text());
      }
      return node;
    } catch (WorkloadException e) {
      badRows.handle(e);
      return null;
    }
  }

  @Override
  public Job next() {
    while (true) {
      JsonNode node = pending;
      pending = null;
      if (node == null) {
        if (!src.next()) {
          return null;
        }
        if (skippable()) {
          continue;
        }
        rows++;
        node = parseLine();
        if (node == null) {
          continue;
        }
      }
      try {
        Job job = job(node);
        jobsEmitted++;
        return job;
      } catch (WorkloadException e) {
        badRows.handle(e);
      }
    }
  }

  private Job job(JsonNode node) {
    if (node.has("cluster")) {
      throw src.error("a job object (the cluster line must come first)", src.text());
    }
    fields(node, NativeField.JOB, "job");
    String id = text(node, "id", true);
    String framework = text(node, "framework", true);
    // An empty role, like a missing one, is the framework's name (Mesos rejects an empty role).
    String role = node.path("role").isTextual() && node.get("role").asText().isEmpty() ? null : text(node, "role", false);
    int priority = node.has("priority") ? (int) integer(node, "priority", Integer.MIN_VALUE, Integer.MAX_VALUE) : 0;
    long arrival = micros(node, "arrival");
    if (arrival < lastArrival) {
      throw src.error("an arrival of at least " + seconds(lastArrival) + " s (lines are sorted by arrival) in field"
          + " \"arrival\"", node.get("arrival").toString());
    }
    JobKind kind = JobKind.BATCH;
    if (node.has("kind")) {
      String k = text(node, "kind", true);
      try {
        kind = JobKind.parse(k);
      } catch (IllegalArgumentException e) {
        throw src.error("one of batch, service, gang in field \"kind\"", k);
      }
    }
    JsonNode tasksNode = node.get("tasks");
    if (tasksNode == null || !tasksNode.isArray() || tasksNode.isEmpty()) {
      throw src.error("a non-empty array in field \"tasks\"", String.valueOf(tasksNode));
    }
    List<TaskSpec> tasks = new ArrayList<>();
    for (JsonNode t : tasksNode) {
      addTasks(t, tasks);
    }
    long afterPrevious = node.has("afterPrevious") ? micros(node, "afterPrevious") : -1;
    List<Integer> stages = new ArrayList<>();
    if (node.has("stages")) {
      JsonNode list = node.get("stages");
      if (!list.isArray() || list.isEmpty()) {
        throw src.error("a non-empty array of task counts in field \"stages\"", list.toString());
      }
      for (JsonNode size : list) {
        if (!size.isIntegralNumber() || size.asLong() < 1 || size.asLong() > Integer.MAX_VALUE) {
          throw src.error("positive whole numbers in field \"stages\"", size.toString());
        }
        stages.add(size.asInt());
      }
    }
    try {
      Job job = new Job(id, framework, role, priority, arrival, kind, tasks, afterPrevious, stages);
      lastArrival = arrival;
      return job;
    } catch (IllegalArgumentException e) {
      throw src.error("a valid job", e.getMessage());
    }
  }

  private void addTasks(JsonNode t, List<TaskSpec> out) {
    if (!t.isObject()) {
      throw src.error("a task object in field \"tasks\"", t.toString());
    }
    fields(t, NativeField.TASK, "task");
    long count = t.has("count") ? integer(t, "count", 1, 10_000_000) : 1;
    if (out.size() + count > 10_000_000) {
      throw src.error("at most 10000000 tasks per job in field \"count\"", t.get("count").toString());
    }
    ResourceShape shape = new ResourceShape(number(t, "cpus", true), number(t, "memMb", true),
        number(t, "diskMb", false), number(t, "gpus", false));
    JsonNode d = t.get("duration");
    long duration;
    if (d != null && d.isTextual() && d.asText().equals(NativeField.UNBOUNDED)) {
      duration = TaskSpec.UNBOUNDED;
    } else {
      duration = micros(t, "duration");
    }
    List<UsagePoint> usage = List.of();
    JsonNode u = t.get("usage");
    if (u != null) {
      if (!u.isArray()) {
        throw src.error("an array in field \"usage\"", u.toString());
      }
      List<UsagePoint> points = new ArrayList<>();
      for (JsonNode p : u) {
        if (!p.isObject()) {
          throw src.error("a usage object in field \"usage\"", p.toString());
        }
        fields(p, NativeField.USAGE, "usage point");
        points.add(new UsagePoint(micros(p, "offset"), number(p, "cpus", true), number(p, "memMb", true)));
      }
      usage = points;
    }
    TaskSpec task;
    try {
      task = new TaskSpec(shape, duration, usage);
    } catch (IllegalArgumentException e) {
      throw src.error("a valid task", e.getMessage());
    }
    out.addAll(Collections.nCopies((int) count, task));
  }

  private List<AgentGroup> cluster(JsonNode node) {
    fields(node, NativeField.CLUSTER_LINE, "cluster line");
    JsonNode groups = node.get("cluster");
    if (!groups.isArray() || groups.isEmpty()) {
      throw src.error("a non-empty array in field \"cluster\"", groups.toString());
    }
    List<AgentGroup> out = new ArrayList<>();
    for (JsonNode g : groups) {
      if (!g.isObject()) {
        throw src.error("an agent group object in field \"cluster\"", g.toString());
      }
      fields(g, NativeField.AGENT_GROUP, "agent group");
      out.add(new AgentGroup((int) integer(g, "count", 1, Integer.MAX_VALUE), new ResourceShape(
          number(g, "cpus", true), number(g, "memMb", true), number(g, "diskMb", false), number(g, "gpus", false))));
    }
    return List.copyOf(out);
  }

  private void fields(JsonNode node, List<String> allowed, String what) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw src.error("a " + what + " field (" + String.join(", ", allowed) + ")", f);
      }
    }
  }

  private String text(JsonNode node, String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw src.error("a string in field \"" + field + "\"", "nothing");
      }
      return null;
    }
    if (!v.isTextual() || v.asText().isEmpty()) {
      throw src.error("a non-empty string in field \"" + field + "\"", v.toString());
    }
    return v.asText();
  }

  private long integer(JsonNode node, String field, long min, long max) {
    JsonNode v = node.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
      throw src.error("an integer from " + min + " to " + max + " in field \"" + field + "\"", String.valueOf(v));
    }
    return v.asLong();
  }

  private double number(JsonNode node, String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null && !required) {
      return 0;
    }
    if (v == null || !v.isNumber() || !(v.asDouble() >= 0) || Double.isInfinite(v.asDouble())) {
      throw src.error("a non-negative number in field \"" + field + "\"", String.valueOf(v));
    }
    return v.asDouble();
  }

  private long micros(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isNumber()) {
      throw src.error("a number of seconds in field \"" + field + "\"", String.valueOf(v));
    }
    BigDecimal s = v.decimalValue();
    if (s.signum() < 0 || s.compareTo(MAX_SECONDS) > 0) {
      throw src.error("a number of seconds from 0 to " + MAX_SECONDS + " in field \"" + field + "\"", v.toString());
    }
    return s.movePointRight(6).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  static String seconds(long micros) {
    return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
  }

  @Override
  public List<String> attributeKeys() {
    return List.of();
  }

  @Override
  public Optional<List<AgentGroup>> clusterHint() {
    return hint;
  }

  @Override
  protected Map<String, Long> counters() {
    Map<String, Long> m = new TreeMap<>();
    m.put("native.jobsEmitted", jobsEmitted);
    return m;
  }

  @Override
  public void close() {
    src.close();
  }
}
