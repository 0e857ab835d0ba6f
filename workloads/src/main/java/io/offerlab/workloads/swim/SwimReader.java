package io.offerlab.workloads.swim;

import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.reader.LineReader;
import io.offerlab.workloads.reader.LineSource;
import io.offerlab.workloads.reader.Options;
import io.offerlab.workloads.reader.Row;
import io.offerlab.workloads.reader.TraceInput;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a SWIM workload (Chen, Ganapathi, Griffith and Katz, "The case for evaluating MapReduce performance using
 * workload suites", MASCOTS 2011): one Hadoop job per line with its submit time and byte sizes.
 *
 * <p>A SWIM job becomes one BATCH job whose tasks are its maps and then its reduces, derived by {@link TaskModel}.
 * Simplification: reduces are not held back until the maps finish (Hadoop's reduce slow-start lets them start early
 * anyway); the simulator may run them side by side. The file carries no cluster; {@code swim.machines} gives one.
 */
public final class SwimReader extends LineReader {
  private final TaskModel model;
  private final LineSource src;
  private final Row row;
  private final Optional<List<AgentGroup>> hint;
  private double lastSubmit;
  private long maps;
  private long reduces;
  private long mapOnly;

  /** Opens a SWIM TSV file (plain, gzip or zip). */
  public SwimReader(String location, Options options) {
    super(options);
    model = new TaskModel(options);
    if (options.has("swim.machines")) {
      hint = Optional.of(List.of(new AgentGroup(options.positiveInt("swim.machines", 600),
          ResourceShape.of(options.positiveDouble("swim.machineCpus", 8),
              options.positiveDouble("swim.machineMemMb", 16384)))));
    } else {
      options.has("swim.machineCpus");
      options.has("swim.machineMemMb");
      hint = Optional.empty();
    }
    src = new LineSource(TraceInput.requireFile("swim", TraceInput.existing("swim", location)));
    row = Row.separatedBy(src, '\t');
    try {
      firstLine("a SWIM job line");
    } catch (RuntimeException e) {
      src.close();
      throw e;
    }
  }

  @Override
  protected Job parse() {
    row.split();
    row.requireFields(SwimColumn.COUNT);
    if (row.isEmpty(SwimColumn.JOB_NAME)) {
      throw row.error(SwimColumn.JOB_NAME, "a job name");
    }
    double submit = row.parseNonNegative(SwimColumn.SUBMIT_TIME);
    if (submit < lastSubmit) {
      throw row.error(SwimColumn.SUBMIT_TIME, "a submit time of at least " + lastSubmit + " (lines are sorted)");
    }
    if (submit > 1e12) {
      throw row.error(SwimColumn.SUBMIT_TIME, "a submit time of at most 1e12 s");
    }
    row.parseNonNegative(SwimColumn.GAP);
    double input = row.parseNonNegative(SwimColumn.MAP_INPUT_BYTES);
    double shuffle = row.parseNonNegative(SwimColumn.SHUFFLE_BYTES);
    double output = row.parseNonNegative(SwimColumn.REDUCE_OUTPUT_BYTES);
    long m = model.maps(input);
    long r = model.reduces(shuffle);
    if (m > model.maxTasks() || r > model.maxTasks() - m) { // not m + r: huge byte counts overflow the sum
      throw row.error(SwimColumn.MAP_INPUT_BYTES, "a job of at most swim.maxTasksPerJob=" + model.maxTasks()
          + " tasks (it has " + m + " maps and " + r + " reduces)");
    }
    lastSubmit = submit;
    maps += m;
    reduces += r;
    if (r == 0) {
      mapOnly++;
    }
    return new Job(row.text(SwimColumn.JOB_NAME), "swim", "swim", 0, Math.round(submit * 1e6), JobKind.BATCH,
        model.tasks(input, shuffle, output));
  }

  @Override
  public Optional<List<AgentGroup>> clusterHint() {
    return hint;
  }

  @Override
  protected Map<String, Long> counters() {
    Map<String, Long> m = new TreeMap<>();
    m.put("swim.jobsEmitted", emitted());
    m.put("swim.mapTasks", maps);
    m.put("swim.reduceTasks", reduces);
    m.put("swim.mapOnlyJobs", mapOnly);
    return m;
  }

  @Override
  protected LineSource lines() {
    return src;
  }
}
