package io.offerlab.cli.replay;

import io.offerlab.realruntime.framework.SchedulerConnection;
import io.offerlab.realruntime.wire.BadMessageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * The burner's work rate on each agent, measured once before the replay starts by a framework of its own: it runs
 * one {@link Burner#calibration} task of a fixed number of bogo operations on every agent that offers within the
 * first offer rounds, and takes ops over the time from TASK_RUNNING to TASK_FINISHED (the agent's timestamps). It
 * also records each agent's resources (from its first, whole offer) and the launch latency (ACCEPT sent to
 * TASK_RUNNING received), which the fidelity report states as the task start-up time.
 */
final class Calibration {
  /** Bogo operations of the calibration task (about a second on a 2020s core). */
  static final long OPS = 1500;

  private final Map<String, Double> rates = new LinkedHashMap<>();
  private final Map<String, double[]> agents = new LinkedHashMap<>();
  private final List<Double> startups = new ArrayList<>();

  /** Returns the rate of an agent (bogo ops per CPU-second), the median of all for an agent not calibrated. */
  synchronized double rate(String agent) {
    Double r = rates.get(agent);
    if (r != null) {
      return r;
    }
    List<Double> all = new ArrayList<>(rates.values());
    Collections.sort(all);
    return all.get(all.size() / 2);
  }

  /** Returns each calibrated agent's rate. */
  synchronized Map<String, Double> rates() {
    return Map.copyOf(rates);
  }

  /** Returns each agent's total cpus and mem. */
  synchronized Map<String, double[]> agents() {
    return new LinkedHashMap<>(agents);
  }

  /** Returns the measured launch latencies in seconds. */
  synchronized List<Double> startups() {
    return List.copyOf(startups);
  }

  /** Runs the calibration framework against {@code master}, waiting {@code settleSeconds} for further agents. */
  static Calibration run(String master, double settleSeconds)
      throws IOException, InterruptedException, BadMessageException {
    Calibration c = new Calibration();
    try (var connection = new SchedulerConnection(master)) {
      connection.subscribe(Call.newBuilder().setType(Call.Type.SUBSCRIBE).setSubscribe(Call.Subscribe.newBuilder()
          .setFrameworkInfo(FrameworkInfo.newBuilder().setUser(System.getProperty("user.name", "root"))
              .setName("offerlab-replay-calibration"))).build());
      FrameworkID id = null;
      Map<String, Long> sent = new LinkedHashMap<>();
      Map<String, Double> runningAt = new LinkedHashMap<>();
      long firstOffer = -1;
      while (true) {
        boolean settled = firstOffer >= 0 && System.nanoTime() - firstOffer > settleSeconds * 1e9;
        if (settled && c.rates.size() == sent.size()) {
          break;
        }
        Event event = connection.next();
        if (event == null) {
          throw new IOException("the master closed the event stream during calibration");
        }
        switch (event.getType()) {
          case SUBSCRIBED -> id = event.getSubscribed().getFrameworkId();
          case OFFERS -> {
            if (firstOffer < 0) {
              firstOffer = System.nanoTime();
            }
            for (Offer offer : event.getOffers().getOffersList()) {
              String agent = offer.getAgentId().getValue();
              Call.Builder call = Call.newBuilder().setFrameworkId(id);
              double cpus = ReplayFramework.scalar(offer, "cpus");
              double mem = ReplayFramework.scalar(offer, "mem");
              if (sent.containsKey(agent) || cpus < 0.1 || mem < 32) {
                connection.call(call.setType(Call.Type.DECLINE).setDecline(Call.Decline.newBuilder()
                    .addOfferIds(offer.getId())).build());
                continue;
              }
              synchronized (c) {
                c.agents.put(agent, new double[] {cpus, mem});
              }
              String task = "calibrate-" + agent;
              sent.put(agent, System.nanoTime());
              connection.call(call.setType(Call.Type.ACCEPT).setAccept(Call.Accept.newBuilder()
                  .addOfferIds(offer.getId()).addOperations(Offer.Operation.newBuilder()
                      .setType(Offer.Operation.Type.LAUNCH).setLaunch(Offer.Operation.Launch.newBuilder()
                          .addTaskInfos(TaskInfo.newBuilder().setName(task).setTaskId(TaskID.newBuilder()
                              .setValue(task)).setAgentId(offer.getAgentId())
                              .addResources(ReplayFramework.scalar("cpus", Math.min(1, cpus)))
                              .addResources(ReplayFramework.scalar("mem", 32))
                              .setCommand(CommandInfo.newBuilder().setShell(true)
                                  .setValue(Burner.calibration(OPS))))))).build());
            }
          }
          case UPDATE -> {
            TaskStatus s = event.getUpdate().getStatus();
            if (s.hasUuid()) {
              connection.call(Call.newBuilder().setFrameworkId(id).setType(Call.Type.ACKNOWLEDGE)
                  .setAcknowledge(Call.Acknowledge.newBuilder().setAgentId(s.getAgentId())
                      .setTaskId(s.getTaskId()).setUuid(s.getUuid())).build());
            }
            String agent = s.getAgentId().getValue();
            if (s.getState() == TaskState.TASK_RUNNING) {
              runningAt.put(agent, s.getTimestamp());
              Long at = sent.get(agent);
              if (at != null) {
                synchronized (c) {
                  c.startups.add((System.nanoTime() - at) / 1e9);
                }
              }
            } else if (s.getState() == TaskState.TASK_FINISHED && runningAt.containsKey(agent)) {
              double seconds = s.getTimestamp() - runningAt.get(agent);
              synchronized (c) {
                c.rates.put(agent, OPS / Math.max(seconds, 1e-3));
              }
            } else if (ReplayFramework.terminal(s.getState())) {
              throw new IOException("the calibration task on agent " + agent + " ended " + s.getState()
                  + (s.hasMessage() ? ": " + s.getMessage() : "") + " (is stress-ng installed on the agent?)");
            }
          }
          default -> {
          }
        }
      }
      if (id != null) {
        connection.call(Call.newBuilder().setFrameworkId(id).setType(Call.Type.TEARDOWN).build());
      }
    }
    return c;
  }
}
