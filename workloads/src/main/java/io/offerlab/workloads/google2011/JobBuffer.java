package io.offerlab.workloads.google2011;

import io.offerlab.workloads.Job;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jobs still open, in arrival order: applies task and job events in time order and emits jobs from the head only,
 * once complete or once open longer than the horizon, so the output is in arrival order and the buffer holds at most
 * the jobs of one horizon.
 *
 * <p>A task runs from SCHEDULE to EVICT, FAIL, FINISH, KILL or LOST; a resubmitted task keeps its state and counts
 * attempts. A job is complete when no task runs and, with job events, a terminal job event came (without them: no
 * task runs or waits).
 */
final class JobBuffer {
  /** A job ready to be returned, with the attributes of its trace that {@code Job} has no field for. */
  record Ready(Job job, String user, int schedulingClass) {}

  private static final int RECENT = 1 << 16;

  private final Settings settings;
  private final boolean withJobEvents;
  private final LongMap<OpenJob> open = new LongMap<>();
  private final ArrayDeque<OpenJob> order = new ArrayDeque<>();
  /** Jobs emitted at the horizon, whose later events are expected and ignored. */
  private final Set<Long> flushed = new HashSet<>();
  /** The last jobs emitted, so that a stray later event does not create a second job with the same id. */
  private final Map<Long, Boolean> recent = new LinkedHashMap<>(1024, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
      return size() > RECENT;
    }
  };
  private final ArrayDeque<Ready> ready = new ArrayDeque<>();
  private OpenJob lastJob;
  private long now;
  private long drainedAt = -1;
  private int maxBuffered;

  long lateEvents;
  long orphanEvents;
  long tasksUnfinished;
  long tasksNeverRan;
  long tasksWithoutRequest;
  long tasksResubmitted;
  long jobsEmpty;
  long jobsAtHorizon;
  long jobsEmitted;
  long tasksEmitted;

  JobBuffer(Settings settings, boolean withJobEvents) {
    this.settings = settings;
    this.withJobEvents = withJobEvents;
  }

  /** Moves the clock to {@code t}, the time of the next row; when time advances, emits what is ready. */
  void advanceTo(long t) {
    if (t > drainedAt) {
      drain(t);
      drainedAt = t;
    }
    now = Math.max(now, t);
  }

  /** Emits every job left, at the end of the data. */
  void finish() {
    while (!order.isEmpty()) {
      emit(order.peekFirst(), false);
    }
  }

  /** Returns the next emitted job, or null. */
  Ready poll() {
    return ready.pollFirst();
  }

  int buffered() {
    return order.size();
  }

  int maxBuffered() {
    return maxBuffered;
  }

  private void drain(long t) {
    OpenJob head;
    while ((head = order.peekFirst()) != null) {
      if (complete(head)) {
        emit(head, false);
      } else if (t - head.arrival > settings.horizonMicros()) {
        emit(head, true);
      } else {
        return;
      }
    }
  }

  private boolean complete(OpenJob j) {
    if (j.running > 0) {
      return false;
    }
    return withJobEvents ? j.ended : j.pending == 0 && j.taskCount > 0;
  }

  private boolean late(long id) {
    return flushed.contains(id) || recent.containsKey(id);
  }

  private OpenJob lookup(long id) {
    OpenJob j = lastJob;
    if (j != null && j.id == id) {
      return j;
    }
    j = open.get(id);
    if (j != null) {
      lastJob = j;
    }
    return j;
  }

  private OpenJob create(long id, long t, String user) {
    OpenJob j = new OpenJob(id, t);
    j.user = user;
    open.put(id, j);
    order.addLast(j);
    maxBuffered = Math.max(maxBuffered, order.size());
    lastJob = j;
    return j;
  }

  /** Applies a job event; {@code user} is read only when the event creates a job. */
  void jobEvent(long t, long id, int type, int schedulingClass, java.util.function.Supplier<String> user) {
    OpenJob j = lookup(id);
    if (type == EventType.SUBMIT) {
      if (j == null && !late(id)) {
        j = create(id, t, user.get());
        j.schedulingClass = schedulingClass;
      }
    } else if (EventType.terminal(type)) {
      if (j != null) {
        j.ended = true;
      } else {
        flushed.remove(id);
      }
    }
  }

  /** Applies a task event; {@code user} is read only when the event creates a job. */
  void taskEvent(long t, TaskEvent e, java.util.function.Supplier<String> user) {
    OpenJob j = lookup(e.job);
    if (j == null) {
      if (late(e.job)) {
        lateEvents++;
        return;
      }
      if (e.type != EventType.SUBMIT && e.type != EventType.SCHEDULE) {
        orphanEvents++;
        return;
      }
      j = create(e.job, t, user.get());
    }
    if (j.priority < 0 && e.priority >= 0) {
      j.priority = e.priority;
    }
    if (j.schedulingClass < 0) {
      j.schedulingClass = e.schedulingClass;
    }
    OpenTask task = j.task(e.index);
    if (task == null) {
      if (e.type != EventType.SUBMIT && e.type != EventType.SCHEDULE) {
        orphanEvents++;
        return;
      }
      task = j.addTask(e.index);
      j.pending++;
    }
    if (!Double.isNaN(e.cpu)) {
      task.cpu = e.cpu;
    }
    if (!Double.isNaN(e.mem)) {
      task.mem = e.mem;
    }
    if (!Double.isNaN(e.disk)) {
      task.disk = e.disk;
    }
    switch (e.type) {
      case EventType.SUBMIT -> {
        task.submits++;
        if (task.state == OpenTask.DEAD) {
          task.state = OpenTask.PENDING;
          j.pending++;
          if (task.submits == 2) {
            tasksResubmitted++;
          }
        }
      }
      case EventType.SCHEDULE -> {
        if (task.state == OpenTask.RUNNING) {
          return;
        }
        if (task.state == OpenTask.PENDING) {
          j.pending--;
        }
        task.state = OpenTask.RUNNING;
        task.runStart = t;
        j.running++;
      }
      case EventType.EVICT, EventType.FAIL, EventType.FINISH, EventType.KILL, EventType.LOST -> {
        if (task.state == OpenTask.RUNNING) {
          long run = t - task.runStart;
          task.lastRun = run;
          task.totalRun += run;
          task.attempts++;
          j.running--;
        } else if (task.state == OpenTask.PENDING) {
          j.pending--;
        }
        task.state = OpenTask.DEAD;
      }
      default -> {
        // UPDATE_PENDING and UPDATE_RUNNING only change the request, done above.
      }
    }
  }

  /** Removes the head job and queues it as a {@link Job}, applying the unfinished-task treatment. */
  private void emit(OpenJob j, boolean atHorizon) {
    order.pollFirst();
    open.remove(j.id);
    if (lastJob == j) {
      lastJob = null;
    }
    if (atHorizon) {
      jobsAtHorizon++;
      flushed.add(j.id);
    } else {
      recent.put(j.id, Boolean.TRUE);
    }
    List<TaskSpec> tasks = new ArrayList<>(j.taskCount);
    ResourceShape shape = null;
    OpenTask shapeOf = null;
    for (OpenTask task : j.tasksInOrder()) {
      long duration;
      if (task.state == OpenTask.RUNNING) {
        tasksUnfinished++;
        if (settings.unfinished().equals("drop")) {
          continue;
        }
        long run = now - task.runStart;
        if (settings.unfinished().equals("unbounded")) {
          duration = TaskSpec.UNBOUNDED;
        } else {
          duration = settings.sumAttempts() ? task.totalRun + run : run;
        }
      } else if (task.attempts == 0) {
        tasksNeverRan++;
        continue;
      } else {
        duration = settings.sumAttempts() ? task.totalRun : task.lastRun;
      }
      if (Double.isNaN(task.cpu) || Double.isNaN(task.mem)) {
        tasksWithoutRequest++;
        continue;
      }
      if (shapeOf == null || shapeOf.cpu != task.cpu || shapeOf.mem != task.mem || shapeOf.disk != task.disk) {
        shape = new ResourceShape(task.cpu * settings.machineCpus(), task.mem * settings.machineMemMb(),
            Double.isNaN(task.disk) ? 0 : task.disk * settings.machineDiskMb(), 0);
        shapeOf = task;
      }
      tasks.add(TaskSpec.of(shape, duration));
    }
    if (tasks.isEmpty()) {
      jobsEmpty++;
      return;
    }
    int priority = Math.max(j.priority, 0);
    String band = band(priority);
    JobKind kind = band.equals("production") ? JobKind.SERVICE : JobKind.BATCH;
    jobsEmitted++;
    tasksEmitted += tasks.size();
    ready.addLast(new Ready(new Job(Long.toString(j.id), band, band, priority, j.arrival, kind, tasks), j.user,
        j.schedulingClass));
  }

  /** Returns the role of a priority: free (0-1), batch (2-8) or production (9-11). */
  static String band(int priority) {
    return priority <= 1 ? "free" : priority <= 8 ? "batch" : "production";
  }
}
