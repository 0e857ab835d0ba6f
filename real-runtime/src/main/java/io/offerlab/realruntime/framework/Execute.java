package io.offerlab.realruntime.framework;

import io.offerlab.realruntime.wire.BadMessageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * {@code offerlab execute}: a framework like Mesos' {@code mesos-execute} ({@code src/cli/execute.cpp}) that runs one
 * shell command as K tasks of the given cpus and mem over the scheduler HTTP API, acknowledges every update that
 * carries a uuid, declines what it does not use, and tears itself down once every task ended.
 */
public final class Execute {
  /** What to run. */
  public record Options(String master, String command, double cpus, double mem, int instances, String name,
                        double refuseSeconds) {
    /** Check the values; errors name the option. */
    public Options {
      if (master == null || !master.matches("[^:/\\s]+:\\d{1,5}")) {
        throw new IllegalArgumentException("--master: expected HOST:PORT, found '" + master + "'");
      }
      if (command == null || command.isBlank()) {
        throw new IllegalArgumentException("--command: expected a shell command, found nothing");
      }
      if (!(cpus > 0) || Double.isInfinite(cpus)) {
        throw new IllegalArgumentException("--cpus: expected a number > 0, found " + cpus);
      }
      if (!(mem > 0) || Double.isInfinite(mem)) {
        throw new IllegalArgumentException("--mem: expected a number of MB > 0, found " + mem);
      }
      if (instances < 1) {
        throw new IllegalArgumentException("--instances: expected a number >= 1, found " + instances);
      }
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("--name: expected a name, found nothing");
      }
    }
  }

  /** The outcome: each task's final state. */
  public record Result(Map<String, TaskState> finalStates) {
    /** Return 0 when every task finished, else 1. */
    public int exitCode() {
      return finalStates.values().stream().allMatch(s -> s == TaskState.TASK_FINISHED) ? 0 : 1;
    }
  }

  private final Options options;
  private final PrintWriter out;
  private final List<String> pending = new ArrayList<>();
  private final Map<String, TaskState> finals = new LinkedHashMap<>();
  private volatile FrameworkID frameworkId;
  private volatile SchedulerConnection open;
  private volatile boolean done;

  /** Prepare a run that reports progress on {@code out}. */
  public Execute(Options options, PrintWriter out) {
    this.options = options;
    this.out = out;
    for (int i = 0; i < options.instances(); i++) {
      pending.add(options.instances() == 1 ? options.name() : options.name() + "-" + i);
    }
  }

  /** Run until every task reached a terminal state; IOException when the master is unreachable or hangs up. */
  public Result run() throws IOException, InterruptedException, BadMessageException {
    try (var connection = new SchedulerConnection(options.master())) {
      open = connection;
      connection.subscribe(Call.newBuilder().setType(Call.Type.SUBSCRIBE)
          .setSubscribe(Call.Subscribe.newBuilder().setFrameworkInfo(FrameworkInfo.newBuilder()
              .setUser(System.getProperty("user.name", "root")).setName("offerlab-execute (" + options.name() + ")")))
          .build());
      while (finals.size() < options.instances()) {
        Event event = connection.next();
        if (event == null) {
          throw new IOException("the master closed the event stream");
        }
        handle(connection, event);
      }
      done = true;
      connection.call(base(Call.Type.TEARDOWN).build());
    }
    return new Result(finals);
  }

  /**
   * Tear the framework down if it is still running (the process is being stopped): its tasks are killed at once
   * instead of when the master notices the closed stream at its next heartbeat.
   */
  public void teardownIfRunning() {
    SchedulerConnection connection = open;
    if (connection != null && frameworkId != null && !done) {
      done = true;
      try {
        connection.call(base(Call.Type.TEARDOWN).build());
      } catch (IOException | RuntimeException e) {
        // the master is gone or refused: it cleans up when it notices the closed stream
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void handle(SchedulerConnection connection, Event event) throws IOException, InterruptedException {
    switch (event.getType()) {
      case SUBSCRIBED -> {
        frameworkId = event.getSubscribed().getFrameworkId();
        out.println("Subscribed with ID " + frameworkId.getValue());
      }
      case OFFERS -> {
        for (Offer offer : event.getOffers().getOffersList()) {
          offer(connection, offer);
        }
      }
      case UPDATE -> update(connection, event.getUpdate().getStatus());
      case ERROR -> throw new IOException("the master sent ERROR: " + event.getError().getMessage());
      case FAILURE, RESCIND, HEARTBEAT, MESSAGE, INVERSE_OFFERS, RESCIND_INVERSE_OFFER, UPDATE_OPERATION_STATUS,
           UNKNOWN -> {
      }
      default -> {
      }
    }
    out.flush();
  }

  private void offer(SchedulerConnection connection, Offer offer) throws IOException, InterruptedException {
    double cpus = scalar(offer, "cpus");
    double mem = scalar(offer, "mem");
    var launch = Offer.Operation.Launch.newBuilder();
    while (!pending.isEmpty() && cpus >= options.cpus() - 1e-9 && mem >= options.mem() - 1e-9) {
      String id = pending.remove(0);
      launch.addTaskInfos(TaskInfo.newBuilder().setName(id).setTaskId(TaskID.newBuilder().setValue(id))
          .setAgentId(offer.getAgentId())
          .addResources(scalarResource("cpus", options.cpus())).addResources(scalarResource("mem", options.mem()))
          .setCommand(CommandInfo.newBuilder().setShell(true).setValue(options.command())));
      cpus -= options.cpus();
      mem -= options.mem();
      out.println("Submitted task '" + id + "' to agent '" + offer.getAgentId().getValue() + "'");
    }
    Filters filters = Filters.newBuilder().setRefuseSeconds(options.refuseSeconds()).build();
    if (launch.getTaskInfosCount() == 0) {
      connection.call(base(Call.Type.DECLINE).setDecline(Call.Decline.newBuilder().addOfferIds(offer.getId())
          .setFilters(filters)).build());
      return;
    }
    connection.call(base(Call.Type.ACCEPT).setAccept(Call.Accept.newBuilder().addOfferIds(offer.getId())
        .addOperations(Offer.Operation.newBuilder().setType(Offer.Operation.Type.LAUNCH).setLaunch(launch))
        .setFilters(filters)).build());
    if (pending.isEmpty()) {
      connection.call(base(Call.Type.SUPPRESS).build());
    }
  }

  private void update(SchedulerConnection connection, TaskStatus status) throws IOException, InterruptedException {
    String id = status.getTaskId().getValue();
    out.println("Received status update " + status.getState() + " for task '" + id + "'"
        + (status.hasMessage() ? "\n  message: '" + status.getMessage() + "'" : "")
        + (status.hasReason() ? "\n  reason: " + status.getReason() : ""));
    if (status.hasUuid()) {
      connection.call(base(Call.Type.ACKNOWLEDGE).setAcknowledge(Call.Acknowledge.newBuilder()
          .setAgentId(status.getAgentId()).setTaskId(status.getTaskId()).setUuid(status.getUuid())).build());
    }
    if (terminal(status.getState()) && !finals.containsKey(id)) {
      finals.put(id, status.getState());
    }
  }

  private Call.Builder base(Call.Type type) {
    return Call.newBuilder().setType(type).setFrameworkId(frameworkId);
  }

  private static boolean terminal(TaskState state) {
    return switch (state) {
      case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE,
           TASK_GONE_BY_OPERATOR -> true;
      default -> false;
    };
  }

  private static double scalar(Offer offer, String name) {
    double sum = 0;
    for (Resource r : offer.getResourcesList()) {
      if (r.getName().equals(name) && r.hasScalar()) {
        sum += r.getScalar().getValue();
      }
    }
    return sum;
  }

  private static Resource scalarResource(String name, double value) {
    return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(value)).build();
  }

  /** Describe a result in one line per task, in a fixed format. */
  public static String summary(Result result) {
    var text = new StringBuilder();
    result.finalStates().forEach((task, state) -> text.append(String.format(Locale.ROOT, "%s %s%n", task, state)));
    return text.toString();
  }
}
