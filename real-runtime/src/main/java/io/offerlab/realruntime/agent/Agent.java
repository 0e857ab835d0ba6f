package io.offerlab.realruntime.agent;

import com.google.protobuf.ByteString;
import io.offerlab.isolationmodel.CgroupSettings;
import io.offerlab.isolationmodel.IsolationConfig;
import io.offerlab.realruntime.cgroups.Isolator;
import io.offerlab.realruntime.cgroups.NoIsolator;
import io.offerlab.realruntime.cgroups.TaskContainer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * The agent's task runner: each task a real process in its own sandbox and container, as Mesos' command executor
 * runs it ({@code src/launcher/executor.cpp}): TASK_STARTING, TASK_RUNNING, then TASK_FINISHED on exit 0, TASK_FAILED
 * otherwise, TASK_FAILED with REASON_CONTAINER_LIMITATION_MEMORY when the cgroup's OOM killer struck, TASK_KILLED after a
 * kill. A kill sends SIGTERM to the whole tree and SIGKILL after the task's {@code kill_policy} grace period (3 s by
 * default). When the task's first process exits, whatever it left behind in its container is killed and the container
 * removed before the terminal update is sent.
 */
public final class Agent implements AutoCloseable {
  /** Mesos' default kill grace period for command tasks. */
  public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(3);
  private static final Logger LOG = Logger.getLogger(Agent.class.getName());

  private final Path workDir;
  private final Isolator isolator;
  private final IsolationConfig isolation;
  private final StatusUpdateManager updates;
  private final ScheduledExecutorService timer;
  private final ExecutorService reaper = Executors.newCachedThreadPool(daemon("offerlab-agent-reaper"));
  private final Map<String, RunningTask> tasks = new LinkedHashMap<>();
  private volatile AgentID agentId;
  private boolean closed;

  /** Create an agent that keeps sandboxes in {@code workDir} and sends updates through {@code sender}. */
  public Agent(Path workDir, Isolator isolator, IsolationConfig isolation, StatusUpdateManager.Sender sender,
               Duration minRetry, Duration maxRetry) {
    this.workDir = workDir;
    this.isolator = isolator;
    this.isolation = isolation;
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("offerlab-agent-timer"));
    this.updates = new StatusUpdateManager(sender, timer, minRetry, maxRetry);
  }

  /** Set the id the master gave this agent; later updates carry it. */
  public void registered(AgentID id) {
    agentId = id;
  }

  /** Return the id the master gave, or null before registration. */
  public AgentID agentId() {
    return agentId;
  }

  /** Return the status update manager (acknowledgements, resends). */
  public StatusUpdateManager updates() {
    return updates;
  }

  /** Launch a command task; an invalid task gets TASK_FAILED (or TASK_ERROR when it has no command). */
  public void launch(FrameworkID frameworkId, TaskInfo task) {
    String id = task.getTaskId().getValue();
    RunningTask running;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the agent is stopping");
      }
      if (tasks.containsKey(id)) {
        throw new IllegalArgumentException("task_id: task '" + id + "' is already on this agent");
      }
      running = new RunningTask(frameworkId, task);
      tasks.put(id, running);
    }
    if (!task.hasCommand()) {
      finish(running, TaskState.TASK_ERROR, null, "only command tasks are supported: task has no 'command'");
      return;
    }
    try {
      List<String> argv = TaskProcess.commandArgv(task.getCommand());
      double cpus = AgentResources.scalarOf(task.getResourcesList(), "cpus");
      double mem = AgentResources.scalarOf(task.getResourcesList(), "mem");
      CgroupSettings settings = CgroupSettings.forTask(cpus, mem, isolation);
      running.sandbox = workDir.resolve("frameworks").resolve(safe(frameworkId.getValue())).resolve("tasks")
          .resolve(safe(id));
      Files.createDirectories(running.sandbox);
      running.container = isolator.create(safe(id) + "-" + running.run, settings);
      update(running, TaskState.TASK_STARTING, null, null);
      Process process = TaskProcess.start(argv, running.sandbox, running.container, environment(frameworkId, task,
          running.sandbox));
      running.process = process;
      if (running.container instanceof NoIsolator.NoContainer none) {
        none.attach(process.toHandle());
      }
      update(running, TaskState.TASK_RUNNING, null, null);
      reaper.execute(() -> reap(running));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "task " + id + " failed to start", e);
      destroyQuietly(running);
      finish(running, TaskState.TASK_FAILED, TaskStatus.Reason.REASON_EXECUTOR_TERMINATED,
          "Failed to launch: " + e.getMessage());
    }
  }

  private Map<String, String> environment(FrameworkID frameworkId, TaskInfo task, Path sandbox) {
    var env = new LinkedHashMap<String, String>();
    env.put("MESOS_SANDBOX", sandbox.toString());
    env.put("MESOS_TASK_ID", task.getTaskId().getValue());
    env.put("MESOS_FRAMEWORK_ID", frameworkId.getValue());
    AgentID id = agentId;
    if (id != null) {
      env.put("MESOS_AGENT_ID", id.getValue());
    }
    List<Long> ports = AgentResources.portsOf(task.getResourcesList());
    for (int i = 0; i < ports.size(); i++) {
      env.put("PORT" + i, Long.toString(ports.get(i)));
    }
    if (!ports.isEmpty()) {
      env.put("PORT", Long.toString(ports.get(0)));
      env.put("PORTS", String.join(",", ports.stream().map(String::valueOf).toList()));
    }
    for (var variable : task.getCommand().getEnvironment().getVariablesList()) {
      env.put(variable.getName(), variable.getValue());
    }
    return env;
  }

  private void reap(RunningTask task) {
    int status;
    try {
      status = task.process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    boolean oom = false;
    try {
      oom = task.container.oomKilled();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot read the container of task " + task.id(), e);
    }
    destroyQuietly(task);
    if (task.killRequested) {
      finish(task, TaskState.TASK_KILLED, null, "Command terminated by a kill");
    } else if (oom) {
      finish(task, TaskState.TASK_FAILED, TaskStatus.Reason.REASON_CONTAINER_LIMITATION_MEMORY,
          "Memory limit exceeded: the task's cgroup ran out of memory and the OOM killer ended it");
    } else if (status == 0) {
      finish(task, TaskState.TASK_FINISHED, null, "Command exited with status 0");
    } else {
      String how = status > 128 ? "terminated with signal " + (status - 128) : "exited with status " + status;
      finish(task, TaskState.TASK_FAILED, TaskStatus.Reason.REASON_COMMAND_EXECUTOR_FAILED, "Command " + how);
    }
  }

  /** Kill a task: SIGTERM its tree now, SIGKILL after {@code grace} (the task's kill policy or 3 s when null). */
  public boolean kill(TaskID taskId, Duration grace) {
    RunningTask task;
    synchronized (this) {
      task = tasks.get(taskId.getValue());
    }
    if (task == null || task.terminal) {
      return false;
    }
    Duration period = grace != null ? grace
        : task.info.hasKillPolicy() && task.info.getKillPolicy().hasGracePeriod()
            ? Duration.ofNanos(task.info.getKillPolicy().getGracePeriod().getNanoseconds()) : DEFAULT_KILL_GRACE;
    task.killRequested = true;
    if (task.process == null) {
      return true;
    }
    try {
      task.container.terminate();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "SIGTERM to task " + task.id() + " failed", e);
    }
    timer.schedule(() -> {
      if (!task.terminal) {
        try {
          task.container.kill();
        } catch (IOException e) {
          LOG.log(Level.WARNING, "SIGKILL to task " + task.id() + " failed", e);
        }
      }
    }, period.toMillis(), TimeUnit.MILLISECONDS);
    return true;
  }

  private void update(RunningTask task, TaskState state, TaskStatus.Reason reason, String message) {
    var status = TaskStatus.newBuilder()
        .setTaskId(task.info.getTaskId())
        .setState(state)
        .setSource(reason == TaskStatus.Reason.REASON_CONTAINER_LIMITATION_MEMORY
            ? TaskStatus.Source.SOURCE_AGENT : TaskStatus.Source.SOURCE_EXECUTOR)
        .setExecutorId(ExecutorID.newBuilder().setValue(task.info.getTaskId().getValue()))
        .setTimestamp(System.currentTimeMillis() / 1000.0)
        .setUuid(uuid());
    AgentID id = agentId;
    if (id != null) {
      status.setAgentId(id);
    }
    if (reason != null) {
      status.setReason(reason);
    }
    if (message != null) {
      status.setMessage(message);
    }
    TaskStatus built = status.build();
    task.latest = built;
    updates.update(task.frameworkId, built);
  }

  private void finish(RunningTask task, TaskState state, TaskStatus.Reason reason, String message) {
    synchronized (this) {
      if (task.terminal) {
        return;
      }
      task.terminal = true;
      notifyAll();
    }
    update(task, state, reason, message);
  }

  /**
   * Handle a framework's acknowledgement: the next update of the task goes out; a task whose terminal update is
   * acknowledged is forgotten (until then it is reported at re-registration, as Mesos' agent does).
   */
  public boolean acknowledge(String taskId, ByteString uuid) {
    if (!updates.acknowledge(taskId, uuid)) {
      return false;
    }
    synchronized (this) {
      RunningTask task = tasks.get(taskId);
      if (task != null && task.terminal && !updates.pending(taskId)) {
        tasks.remove(taskId);
      }
    }
    return true;
  }

  private void destroyQuietly(RunningTask task) {
    if (task.container == null) {
      return;
    }
    try {
      task.container.destroy();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot remove the container of task " + task.id(), e);
    }
  }

  /**
   * Return the agent's tasks with their latest status, for re-registration and state: the running ones and the ended
   * ones whose terminal update is not acknowledged yet.
   */
  public synchronized List<TaskReport> tasks() {
    var out = new ArrayList<TaskReport>();
    for (RunningTask t : tasks.values()) {
      out.add(new TaskReport(t.frameworkId, t.info, t.latest, t.sandbox));
    }
    return out;
  }

  /** Return the CPU time a running task used so far, in ns, when its container accounts it. */
  public synchronized OptionalLong cpuNanos(String taskId) {
    RunningTask t = tasks.get(taskId);
    if (t == null || t.container == null) {
      return OptionalLong.empty();
    }
    try {
      return t.container.cpuUsageNanos();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** Kill every task at once and remove every container and the agent's cgroups; the agent then refuses launches. */
  @Override
  public void close() {
    List<RunningTask> running;
    synchronized (this) {
      closed = true;
      running = new ArrayList<>(tasks.values().stream().filter(t -> !t.terminal).toList());
    }
    for (RunningTask task : running) {
      task.killRequested = true;
      destroyQuietly(task);
    }
    synchronized (this) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (tasks.values().stream().anyMatch(t -> !t.terminal) && System.nanoTime() < deadline) {
        try {
          wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    for (RunningTask task : running) {
      destroyQuietly(task);
    }
    try {
      isolator.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot remove the agent's cgroups", e);
    }
    reaper.shutdownNow();
    timer.shutdownNow();
  }

  /** A task as the agent reports it. */
  public record TaskReport(FrameworkID frameworkId, TaskInfo task, TaskStatus latest, Path sandbox) {
  }

  private static final class RunningTask {
    final FrameworkID frameworkId;
    final TaskInfo info;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    volatile Path sandbox;
    volatile TaskContainer container;
    volatile Process process;
    volatile TaskStatus latest;
    volatile boolean killRequested;
    volatile boolean terminal;

    RunningTask(FrameworkID frameworkId, TaskInfo info) {
      this.frameworkId = frameworkId;
      this.info = info;
    }

    String id() {
      return info.getTaskId().getValue();
    }
  }

  private static ByteString uuid() {
    UUID u = UUID.randomUUID();
    return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
        .putLong(u.getLeastSignificantBits()).array());
  }

  /** Return a name safe as one path element: letters, digits, '-', '_' and '.' kept, anything else '_'. */
  static String safe(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isEmpty() || s.equals(".") || s.equals("..") ? "_" + s.length() : s;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
