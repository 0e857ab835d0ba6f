package io.offerlab.realruntime.measure;

import io.offerlab.realruntime.agent.AgentRuntime;
import io.offerlab.realruntime.framework.Execute;
import io.offerlab.realruntime.framework.SchedulerConnection;
import io.offerlab.realruntime.master.MasterRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.mesos.v1.Protos;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * Timed runs of the real runtime, outside the tests (not a test: run it by hand). A master and two cgroup agents run
 * in this JVM on loopback; the framework speaks HTTP to the master as any other would.
 *
 * <p>{@code latency N}: N tasks {@code true}, one per ACCEPT, each launched when the previous one finished; prints the
 * median and p99 of the time from sending ACCEPT to receiving TASK_RUNNING. {@code throughput N}: {@code offerlab
 * execute}'s framework runs N {@code true} tasks of 0.05 cpus and 32 MB on two agents of 2 cpus and 4 GB; prints the
 * wall time and tasks per second.
 *
 * <p>How to run: {@code java -cp <real-runtime test class path> io.offerlab.realruntime.measure.LaunchMeasure latency 200}
 */
public final class LaunchMeasure {
  private LaunchMeasure() {
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int n = Integer.parseInt(args[1]);
    String interval = args.length > 2 ? args[2] : "1s";
    Path work = Files.createTempDirectory("offerlab-measure");
    var master = MasterRuntime.start(new MasterRuntime.Options("127.0.0.1", 0, "drf",
        MasterRuntime.duration("interval", interval), Duration.ofSeconds(1), Duration.ofSeconds(15),
        Duration.ofSeconds(15)));
    String at = "127.0.0.1:" + master.port();
    var agents = new ArrayList<AgentRuntime>();
    try {
      for (int i = 0; i < 2; i++) {
        agents.add(AgentRuntime.start(new AgentRuntime.Options(at, "127.0.0.1", 0, null, "cpus:2;mem:4096",
            work.resolve("agent" + i), "cgroups", null)));
      }
      while (!agents.stream().allMatch(AgentRuntime::connected)) {
        Thread.sleep(20);
      }
      if (mode.equals("latency")) {
        latency(at, n);
      } else {
        long start = System.nanoTime();
        var result = new Execute(new Execute.Options(at, "true", 0.05, 32, n, "t", 5), new PrintWriter(
            new StringWriter())).run();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "throughput: %d tasks (%s) in %.2f s = %.1f tasks/s, allocation interval %s%n",
            n, result.exitCode() == 0 ? "all finished" : "NOT all finished", seconds, n / seconds, interval);
      }
    } finally {
      agents.forEach(AgentRuntime::close);
      master.close();
    }
  }

  private static void latency(String at, int n) throws Exception {
    try (var connection = new SchedulerConnection(at)) {
      connection.subscribe(Call.newBuilder().setType(Call.Type.SUBSCRIBE).setSubscribe(Call.Subscribe.newBuilder()
          .setFrameworkInfo(Protos.FrameworkInfo.newBuilder().setUser("root").setName("latency"))).build());
      Protos.FrameworkID id = null;
      int launched = 0;
      boolean busy = false;
      Map<String, Long> acceptedAt = new HashMap<>();
      List<Long> latencies = new ArrayList<>();
      while (latencies.size() < n || busy) {
        Event e = connection.next();
        switch (e.getType()) {
          case SUBSCRIBED -> id = e.getSubscribed().getFrameworkId();
          case OFFERS -> {
            for (Protos.Offer offer : e.getOffers().getOffersList()) {
              var call = Call.newBuilder().setFrameworkId(id);
              if (busy || launched >= n) {
                connection.call(call.setType(Call.Type.DECLINE).setDecline(Call.Decline.newBuilder()
                    .addOfferIds(offer.getId()).setFilters(Protos.Filters.newBuilder().setRefuseSeconds(0))).build());
                continue;
              }
              String task = "t" + launched++;
              busy = true;
              acceptedAt.put(task, System.nanoTime());
              connection.call(call.setType(Call.Type.ACCEPT).setAccept(Call.Accept.newBuilder()
                  .addOfferIds(offer.getId()).setFilters(Protos.Filters.newBuilder().setRefuseSeconds(0))
                  .addOperations(Protos.Offer.Operation.newBuilder().setType(Protos.Offer.Operation.Type.LAUNCH)
                      .setLaunch(Protos.Offer.Operation.Launch.newBuilder().addTaskInfos(Protos.TaskInfo.newBuilder()
                          .setName(task).setTaskId(Protos.TaskID.newBuilder().setValue(task))
                          .setAgentId(offer.getAgentId())
                          .addResources(scalar("cpus", 0.1)).addResources(scalar("mem", 32))
                          .setCommand(Protos.CommandInfo.newBuilder().setValue("true")))))).build());
            }
          }
          case UPDATE -> {
            Protos.TaskStatus s = e.getUpdate().getStatus();
            if (s.getState() == Protos.TaskState.TASK_RUNNING) {
              latencies.add(System.nanoTime() - acceptedAt.get(s.getTaskId().getValue()));
            }
            if (s.hasUuid()) {
              connection.call(Call.newBuilder().setFrameworkId(id).setType(Call.Type.ACKNOWLEDGE)
                  .setAcknowledge(Call.Acknowledge.newBuilder().setAgentId(s.getAgentId()).setTaskId(s.getTaskId())
                      .setUuid(s.getUuid())).build());
            }
            if (s.getState() == Protos.TaskState.TASK_FINISHED || s.getState() == Protos.TaskState.TASK_FAILED) {
              busy = false;
            }
          }
          default -> { }
        }
      }
      connection.call(Call.newBuilder().setFrameworkId(id).setType(Call.Type.TEARDOWN).build());
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "latency ACCEPT->TASK_RUNNING over %d tasks: median %.1f ms, p99 %.1f ms, "
              + "min %.1f ms, max %.1f ms%n", sorted.length, sorted[sorted.length / 2] / 1e6,
          sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
      System.out.println("all (ms): " + Arrays.toString(Arrays.stream(sorted).map(x -> x / 1_000_000).toArray()));
    }
  }

  private static Protos.Resource scalar(String name, double value) {
    return Protos.Resource.newBuilder().setName(name).setType(Protos.Value.Type.SCALAR)
        .setScalar(Protos.Value.Scalar.newBuilder().setValue(value)).build();
  }
}
