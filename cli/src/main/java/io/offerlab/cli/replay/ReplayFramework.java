package io.offerlab.cli.replay;

import io.offerlab.realruntime.framework.SchedulerConnection;
import io.offerlab.realruntime.wire.BadMessageException;
import io.offerlab.workloads.TaskSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * One workload framework replayed as a real scheduler over the Mesos v1 scheduler HTTP API: it subscribes with the
 * framework's name and role, launches its jobs' pending tasks first-fit into offers (the burner as a shell command),
 * declines what it does not use with the simulator's default filter (5 s), suppresses when nothing is pending and
 * revives when a job arrives, and acknowledges every update, as an external framework does.
 */
final class ReplayFramework implements Runnable {
  /** Filters.refuse_seconds of declines, the simulator's default. */
  static final double REFUSE_SECONDS = 5;

  private final String name;
  private final String role;
  private final ReplayClock clock;
  private final Calibration calibration;
  private final double speedup;
  private final SchedulerConnection connection;
  private final List<ReplayJob> waiting = new ArrayList<>();
  private final Map<String, ReplayJob> byTask = new HashMap<>();
  private final Map<String, double[]> running = new LinkedHashMap<>();
  private final ReplayCounters counters;
  private volatile FrameworkID id;
  private volatile boolean suppressed;
  private volatile Throwable failure;

  ReplayFramework(String master, String name, String role, ReplayClock clock, Calibration calibration,
      double speedup, ReplayCounters counters) {
    this.name = name;
    this.role = role;
    this.clock = clock;
    this.calibration = calibration;
    this.speedup = speedup;
    this.counters = counters;
    this.connection = new SchedulerConnection(master);
  }

  String name() {
    return name;
  }

  String role() {
    return role;
  }

  Throwable failure() {
    return failure;
  }

  /** Subscribes; IOException when the master is unreachable or refuses. */
  void subscribe() throws IOException, InterruptedException, BadMessageException {
    connection.subscribe(Call.newBuilder().setType(Call.Type.SUBSCRIBE).setSubscribe(Call.Subscribe.newBuilder()
        .setFrameworkInfo(FrameworkInfo.newBuilder().setUser(System.getProperty("user.name", "root"))
            .setName(name).addRoles(role).addCapabilities(FrameworkInfo.Capability.newBuilder()
                .setType(FrameworkInfo.Capability.Type.MULTI_ROLE)))).build());
    Event first = connection.next();
    if (first == null || first.getType() != Event.Type.SUBSCRIBED) {
      throw new IOException("expected SUBSCRIBED from the master, found " + (first == null ? "nothing" : first.getType()));
    }
    id = first.getSubscribed().getFrameworkId();
  }

  /** Adds an arrived job and revives the framework if it was suppressed. */
  synchronized void submit(ReplayJob job) throws IOException, InterruptedException {
    // under the lock, with the call: a SUPPRESS of an offer answered meanwhile cannot overtake this REVIVE
    waiting.add(job);
    if (suppressed) {
      suppressed = false;
      connection.call(base(Call.Type.REVIVE).build());
    }
  }

  /** Reads events until the stream ends or the thread is interrupted. */
  @Override
  public void run() {
    try {
      Event event;
      while (!Thread.currentThread().isInterrupted() && (event = connection.next()) != null) {
        switch (event.getType()) {
          case OFFERS -> {
            for (Offer offer : event.getOffers().getOffersList()) {
              offer(offer);
            }
          }
          case UPDATE -> update(event.getUpdate().getStatus());
          case ERROR -> throw new IOException("the master sent ERROR: " + event.getError().getMessage());
          default -> {
          }
        }
      }
    } catch (IOException | BadMessageException | RuntimeException e) {
      if (!Thread.currentThread().isInterrupted()) {
        failure = e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void offer(Offer offer) throws IOException, InterruptedException {
    long received = System.nanoTime();
    counters.made.incrementAndGet();
    double cpus = scalar(offer, "cpus");
    double mem = scalar(offer, "mem");
    double rate = calibration.rate(offer.getAgentId().getValue());
    var launch = Offer.Operation.Launch.newBuilder();
    boolean nothingLeft;
    synchronized (this) {
      for (ReplayJob job : waiting) {
        for (int i = 0; i < job.pending.size(); ) {
          TaskSpec t = job.pending.get(i);
          if (t.request().cpus() > cpus + 1e-9 || t.request().memMb() > mem + 1e-9) {
            i++;
            continue;
          }
          String taskId = job.pendingIds.get(i);
          job.pending.remove(i);
          job.pendingIds.remove(i);
          cpus -= t.request().cpus();
          mem -= t.request().memMb();
          byTask.put(taskId, job);
          running.put(taskId, new double[] {t.request().cpus(), t.request().memMb()});
          launch.addTaskInfos(TaskInfo.newBuilder().setName(taskId).setTaskId(TaskID.newBuilder().setValue(taskId))
              .setAgentId(offer.getAgentId())
              .addResources(scalar("cpus", t.request().cpus())).addResources(scalar("mem", t.request().memMb()))
              .setCommand(CommandInfo.newBuilder().setShell(true).setValue(Burner.command(
                  Burner.cpuSeconds(t, speedup), t.request().cpus(), t.request().memMb(), rate))));
        }
      }
      waiting.removeIf(j -> j.pending.isEmpty());
      nothingLeft = waiting.isEmpty();
      if (nothingLeft) {
        suppressed = true;
      }
    }
    Filters filters = Filters.newBuilder().setRefuseSeconds(REFUSE_SECONDS).build();
    if (launch.getTaskInfosCount() == 0) {
      counters.declined.incrementAndGet();
      connection.call(base(Call.Type.DECLINE).setDecline(Call.Decline.newBuilder().addOfferIds(offer.getId())
          .setFilters(filters)).build());
    } else {
      counters.accepted.incrementAndGet();
      counters.launched.addAndGet(launch.getTaskInfosCount());
      connection.call(base(Call.Type.ACCEPT).setAccept(Call.Accept.newBuilder().addOfferIds(offer.getId())
          .addOperations(Offer.Operation.newBuilder().setType(Offer.Operation.Type.LAUNCH).setLaunch(launch))
          .setFilters(filters)).build());
    }
    counters.decisionNanos.addAndGet(System.nanoTime() - received);
    if (nothingLeft) {
      connection.call(base(Call.Type.SUPPRESS).build());
    }
  }

  private void update(TaskStatus status) throws IOException, InterruptedException {
    if (status.hasUuid()) {
      connection.call(base(Call.Type.ACKNOWLEDGE).setAcknowledge(Call.Acknowledge.newBuilder()
          .setAgentId(status.getAgentId()).setTaskId(status.getTaskId()).setUuid(status.getUuid())).build());
    }
    String taskId = status.getTaskId().getValue();
    double now = clock.seconds();
    synchronized (this) {
      ReplayJob job = byTask.get(taskId);
      if (job == null) {
        return;
      }
      TaskState s = status.getState();
      if (s == TaskState.TASK_RUNNING && Double.isNaN(job.firstStart)) {
        job.firstStart = now;
      }
      if (terminal(s) && running.remove(taskId) != null) {
        job.taskEnded(s == TaskState.TASK_FINISHED, s == TaskState.TASK_KILLED, now);
        if (s != TaskState.TASK_FINISHED) {
          counters.taskFailures.merge(s.name(), 1L, Long::sum);
        }
      }
    }
  }

  /** Returns the CPUs and memory its running tasks hold. */
  synchronized double[] held() {
    double[] sum = new double[3];
    for (double[] r : running.values()) {
      sum[0] += r[0];
      sum[1] += r[1];
      sum[2]++;
    }
    return sum;
  }

  /** Returns how many tasks wait for offers. */
  synchronized int pendingTasks() {
    int n = 0;
    for (ReplayJob j : waiting) {
      n += j.pending.size();
    }
    return n;
  }

  /** Tears the framework down (its tasks are killed) and closes the stream; never throws. */
  void teardown() {
    if (id != null) {
      try {
        connection.call(base(Call.Type.TEARDOWN).build());
      } catch (IOException | RuntimeException e) {
        // the master is gone: nothing is left to stop
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      connection.close();
    } catch (IOException e) {
      // closing a dead stream
    }
  }

  private Call.Builder base(Call.Type type) {
    return Call.newBuilder().setType(type).setFrameworkId(id);
  }

  static boolean terminal(TaskState state) {
    return switch (state) {
      case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE,
           TASK_GONE_BY_OPERATOR -> true;
      default -> false;
    };
  }

  static double scalar(Offer offer, String resource) {
    double sum = 0;
    for (Resource r : offer.getResourcesList()) {
      if (r.getName().equals(resource) && r.hasScalar()) {
        sum += r.getScalar().getValue();
      }
    }
    return sum;
  }

  static Resource scalar(String resource, double value) {
    return Resource.newBuilder().setName(resource).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(value)).build();
  }
}
