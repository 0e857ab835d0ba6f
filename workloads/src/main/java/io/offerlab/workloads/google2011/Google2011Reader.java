package io.offerlab.workloads.google2011;

import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.WorkloadException;
import io.offerlab.workloads.reader.Options;
import io.offerlab.workloads.reader.Row;
import io.offerlab.workloads.reader.TraceInput;
import io.offerlab.workloads.reader.TraceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the Google clusterdata-2011-2 trace (Reiss, Wilkes and Hellerstein, "Google cluster-usage traces: format +
 * schema", 2011): {@code task_events} parts, plus {@code job_events} and {@code machine_events} when present.
 *
 * <p>A task arrives with its job's first SUBMIT and runs from SCHEDULE to EVICT, FAIL, FINISH, KILL or LOST; a
 * resubmitted task is one task with several attempts, and its duration is its last attempt's run time
 * ({@code google2011.attempts=last}) or the sum of all of them ({@code sum}). Requests, normalized to the largest
 * machine, are scaled by {@code google2011.machineCpus}, {@code machineMemMb} and {@code machineDiskMb}. Priorities
 * map to the roles free (0-1), batch (2-8) and production (9-11); production jobs are SERVICE jobs.
 *
 * <p>Streaming: the rows of both tables are merged in time order into a {@link JobBuffer}, which emits each job once
 * it is complete and every job that arrived before it was emitted; a job still open
 * {@code google2011.horizonSeconds} after its arrival, or at the end of the data, is emitted with its running tasks
 * treated as {@code google2011.unfinished} says. Memory is bounded by the jobs that arrived within the horizon. Left
 * out: task arrival offsets within a job (all tasks arrive with the job), placement constraints, and usage
 * (task_usage).
 */
public final class Google2011Reader extends TraceReader {
  private final Optional<List<AgentGroup>> hint;
  private final PartStream taskStream;
  private final PartStream jobStream;
  private final JobBuffer buffer;
  private final TaskEvent task = new TaskEvent();
  private boolean finished;
  private JobBuffer.Ready current;
  private long jJob;
  private int jType;
  private int jClass;
  private long taskEvents;
  private long jobEvents;

  /** Opens a directory of part files, or one task_events file; reads every option first. */
  public Google2011Reader(String location, Options options) {
    super(options);
    Settings settings = Settings.read(options);
    int machines = options.has("google2011.machines") ? options.positiveInt("google2011.machines", 1) : 0;
    Path path = TraceInput.existing("google2011", location);
    List<Path> taskFiles;
    List<Path> jobFiles = List.of();
    List<Path> machineFiles = List.of();
    if (Files.isDirectory(path)) {
      taskFiles = parts(path, "task_events");
      jobFiles = parts(path, "job_events");
      machineFiles = parts(path, "machine_events");
      if (taskFiles.isEmpty()) {
        throw new WorkloadException("google2011: no task_events files in " + location
            + " (expected task_events-*.csv.gz or task_events/part-*.csv.gz)");
      }
    } else {
      taskFiles = List.of(TraceInput.requireFile("google2011", path));
      String name = path.getFileName().toString();
      if (name.contains("task_events")) {
        Path sibling = path.resolveSibling(name.replace("task_events", "job_events"));
        if (Files.isRegularFile(sibling)) {
          jobFiles = List.of(sibling);
        }
      }
    }
    if (!settings.useJobEvents()) {
      jobFiles = List.of();
    }
    ResourceShape machine = new ResourceShape(settings.machineCpus(), settings.machineMemMb(),
        settings.machineDiskMb(), 0);
    if (!machineFiles.isEmpty()) {
      hint = Optional.of(MachineEvents.read(machineFiles, badRows, machine));
    } else if (machines > 0) {
      hint = Optional.of(List.of(new AgentGroup(machines, machine)));
    } else {
      hint = Optional.empty();
    }
    buffer = new JobBuffer(settings, !jobFiles.isEmpty());
    taskStream = new PartStream(taskFiles, TaskEventColumn.COUNT, TaskEventColumn.TIME, badRows, this::parseTask,
        "a task_events row");
    jobStream = new PartStream(jobFiles, JobEventColumn.COUNT, JobEventColumn.TIME, badRows, this::parseJob, null);
    try {
      taskStream.advance();
      jobStream.advance();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private static List<Path> parts(Path dir, String table) {
    List<Path> files = new ArrayList<>(TraceInput.list(dir, n -> n.startsWith(table)));
    Path sub = dir.resolve(table);
    if (Files.isDirectory(sub)) {
      files.addAll(TraceInput.list(sub, n -> true));
    }
    return files;
  }

  private void parseTask(Row row, long time) {
    task.job = row.parseLong(TaskEventColumn.JOB_ID, 0, Long.MAX_VALUE);
    task.index = (int) row.parseLong(TaskEventColumn.TASK_INDEX, 0, 9_999_999);
    task.type = (int) row.parseLong(TaskEventColumn.EVENT_TYPE, 0, 8);
    task.schedulingClass = row.isEmpty(TaskEventColumn.SCHEDULING_CLASS) ? -1
        : (int) row.parseLong(TaskEventColumn.SCHEDULING_CLASS, 0, 3);
    task.priority = row.isEmpty(TaskEventColumn.PRIORITY) ? -1
        : (int) row.parseLong(TaskEventColumn.PRIORITY, 0, 11);
    task.cpu = request(row, TaskEventColumn.CPU_REQUEST);
    task.mem = request(row, TaskEventColumn.MEMORY_REQUEST);
    task.disk = request(row, TaskEventColumn.DISK_REQUEST);
  }

  private static double request(Row row, TaskEventColumn c) {
    if (row.isEmpty(c)) {
      return Double.NaN;
    }
    double v = row.parseDouble(c);
    if (!(v >= 0 && v <= 1)) {
      throw row.error(c, "a normalized request from 0 to 1");
    }
    return v;
  }

  private void parseJob(Row row, long time) {
    jJob = row.parseLong(JobEventColumn.JOB_ID, 0, Long.MAX_VALUE);
    jType = (int) row.parseLong(JobEventColumn.EVENT_TYPE, 0, 8);
    jClass = row.isEmpty(JobEventColumn.SCHEDULING_CLASS) ? -1
        : (int) row.parseLong(JobEventColumn.SCHEDULING_CLASS, 0, 3);
  }

  @Override
  public Job next() {
    JobBuffer.Ready r;
    while ((r = buffer.poll()) == null) {
      if (!step()) {
        rows = taskStream.rows() + jobStream.rows();
        if (finished) {
          current = null;
          return null;
        }
        finished = true;
        buffer.finish();
      }
    }
    current = r;
    return r.job();
  }

  /** Applies the next row of either table (job rows first on equal times); returns false at the end of data. */
  private boolean step() {
    boolean hasTask = taskStream.hasRow();
    boolean hasJob = jobStream.hasRow();
    if (!hasTask && !hasJob) {
      return false;
    }
    boolean takeJob = hasJob && (!hasTask || jobStream.time() <= taskStream.time());
    PartStream s = takeJob ? jobStream : taskStream;
    long t = s.time();
    buffer.advanceTo(t);
    Row row = s.row();
    if (takeJob) {
      jobEvents++;
      buffer.jobEvent(t, jJob, jType, jClass, () -> row.text(JobEventColumn.USER));
    } else {
      taskEvents++;
      buffer.taskEvent(t, task, () -> row.text(TaskEventColumn.USER));
    }
    s.advance();
    rows = taskStream.rows() + jobStream.rows();
    return true;
  }

  /** Returns the jobs buffered now: those not yet emitted, from the oldest open one on. */
  public int bufferedJobs() {
    return buffer.buffered();
  }

  /** Returns the largest number of jobs buffered at once so far. */
  public int maxBufferedJobs() {
    return buffer.maxBuffered();
  }

  @Override
  public List<String> attributeKeys() {
    return List.of("band", "user", "priority", "class");
  }

  @Override
  public String attribute(String key) {
    return switch (key) {
      case "band" -> current.job().role();
      case "user" -> current.user() == null ? "" : current.user(); // empty: the pipeline names no role by it
      case "priority" -> "priority-" + current.job().priority();
      case "class" -> current.schedulingClass() < 0 ? "class-unknown" : "class-" + current.schedulingClass();
      default -> throw new IllegalArgumentException("google2011 has no attribute " + key);
    };
  }

  @Override
  public Optional<List<AgentGroup>> clusterHint() {
    return hint;
  }

  @Override
  protected Map<String, Long> counters() {
    Map<String, Long> m = new TreeMap<>();
    m.put("google2011.taskEvents", taskEvents);
    m.put("google2011.jobEvents", jobEvents);
    m.put("google2011.lateEvents", buffer.lateEvents);
    m.put("google2011.orphanEvents", buffer.orphanEvents);
    m.put("google2011.tasksUnfinished", buffer.tasksUnfinished);
    m.put("google2011.tasksNeverRan", buffer.tasksNeverRan);
    m.put("google2011.tasksWithoutRequest", buffer.tasksWithoutRequest);
    m.put("google2011.tasksResubmitted", buffer.tasksResubmitted);
    m.put("google2011.jobsEmpty", buffer.jobsEmpty);
    m.put("google2011.jobsAtHorizon", buffer.jobsAtHorizon);
    m.put("google2011.jobsEmitted", buffer.jobsEmitted);
    m.put("google2011.tasksEmitted", buffer.tasksEmitted);
    m.put("google2011.maxBufferedJobs", (long) buffer.maxBuffered());
    return m;
  }

  @Override
  public void close() {
    if (taskStream != null) {
      taskStream.close();
    }
    if (jobStream != null) {
      jobStream.close();
    }
  }
}
