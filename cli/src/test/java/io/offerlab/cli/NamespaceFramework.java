package io.offerlab.cli;

import io.offerlab.realruntime.framework.SchedulerConnection;
import io.offerlab.realruntime.wire.ProtoJson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * A framework process for the network-namespace test, run inside the master's namespace (where the test's own JVM
 * cannot reach): {@code NamespaceFramework MASTER TASKS_PER_AGENT} subscribes over the v1 API, launches that many
 * long tasks on each agent it is offered (told apart by the address in the offer's {@code url}, which stays the same
 * when an agent re-registers under a new id), declines the rest, acknowledges every update, and prints one line per
 * event on stdout: {@code OFFER agent ip port hostname}, {@code UPDATE task state reason source agent}, or the event's
 * type. On stdin, {@code state} prints {@code STATE <the master's /master/state>}, {@code get URL} prints
 * {@code GOT <status> <body>}, and {@code quit} ends it.
 */
public final class NamespaceFramework {
  private NamespaceFramework() {
  }

  /** Run the framework until {@code quit} or the end of stdin. */
  public static void main(String[] args) throws Exception {
    String master = args[0];
    int perAgent = Integer.parseInt(args[1]);
    var connection = new SchedulerConnection(master);
    Call subscribe = ProtoJson.parse(("{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":"
        + "{\"user\":\"root\",\"name\":\"netns\"}}}").getBytes(StandardCharsets.UTF_8), Call.newBuilder());
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) { // the master may still be starting
      try {
        connection.subscribe(subscribe);
        break;
      } catch (java.io.IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
    Thread events = new Thread(() -> {
      try {
        run(connection, perAgent);
      } catch (Exception e) {
        say("ERROR " + e);
      }
    }, "events");
    events.setDaemon(true);
    events.start();
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    var stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = stdin.readLine(); line != null && !line.equals("quit"); line = stdin.readLine()) {
      if (line.startsWith("get ")) {
        try {
          var reply = http.send(HttpRequest.newBuilder(URI.create(line.substring(4)))
              .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
          say("GOT " + reply.statusCode() + " " + reply.body().replace('\n', ' '));
        } catch (Exception e) {
          say("GOT-ERROR " + e);
        }
      }
      if (line.equals("state")) {
        try {
          var reply = http.send(HttpRequest.newBuilder(URI.create("http://" + master + "/master/state"))
              .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
          say("STATE " + reply.body().replace('\n', ' '));
        } catch (Exception e) {
          say("STATE-ERROR " + e);
        }
      }
    }
    connection.close();
    System.exit(0);
  }

  private static void run(SchedulerConnection connection, int perAgent) throws Exception {
    String frameworkId = null;
    Map<String, Integer> launched = new HashMap<>();
    for (Event e = connection.next(); e != null; e = connection.next()) {
      switch (e.getType()) {
        case SUBSCRIBED -> {
          frameworkId = e.getSubscribed().getFrameworkId().getValue();
          say("SUBSCRIBED " + frameworkId);
        }
        case OFFERS -> {
          for (Offer offer : e.getOffers().getOffersList()) {
            var address = offer.getUrl().getAddress();
            say("OFFER " + offer.getAgentId().getValue() + " " + address.getIp() + " " + address.getPort() + " "
                + address.getHostname());
            var call = Call.newBuilder().setFrameworkId(offer.getFrameworkId());
            if (launched.containsKey(address.getIp())) {
              call.setType(Call.Type.DECLINE).setDecline(Call.Decline.newBuilder().addOfferIds(offer.getId())
                  .setFilters(Filters.newBuilder().setRefuseSeconds(3600)));
            } else {
              launched.put(address.getIp(), perAgent);
              var launch = Call.Accept.newBuilder().addOfferIds(offer.getId());
              var operation = org.apache.mesos.v1.Protos.Offer.Operation.newBuilder()
                  .setType(org.apache.mesos.v1.Protos.Offer.Operation.Type.LAUNCH);
              var tasks = org.apache.mesos.v1.Protos.Offer.Operation.Launch.newBuilder();
              for (int i = 0; i < perAgent; i++) {
                String id = "t-" + address.getIp().replace('.', '-') + "-" + i;
                String json = "{\"name\":\"" + id + "\",\"task_id\":{\"value\":\"" + id + "\"},"
                    + "\"agent_id\":{\"value\":\"" + offer.getAgentId().getValue() + "\"},\"resources\":["
                    + "{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":0.1}},"
                    + "{\"name\":\"mem\",\"type\":\"SCALAR\",\"scalar\":{\"value\":32}}],"
                    + "\"command\":{\"value\":\"echo $$ > pid; exec sleep 300\"}}";
                tasks.addTaskInfos((org.apache.mesos.v1.Protos.TaskInfo) ProtoJson.parse(
                    json.getBytes(StandardCharsets.UTF_8), org.apache.mesos.v1.Protos.TaskInfo.newBuilder()));
              }
              call.setType(Call.Type.ACCEPT).setAccept(launch.addOperations(operation.setLaunch(tasks)));
            }
            call(connection, call.build());
          }
        }
        case UPDATE -> {
          TaskStatus status = e.getUpdate().getStatus();
          say("UPDATE " + status.getTaskId().getValue() + " " + status.getState() + " " + status.getReason() + " "
              + status.getSource() + " " + status.getAgentId().getValue());
          if (status.hasUuid()) {
            call(connection, Call.newBuilder()
                .setFrameworkId(org.apache.mesos.v1.Protos.FrameworkID.newBuilder().setValue(frameworkId))
                .setType(Call.Type.ACKNOWLEDGE).setAcknowledge(Call.Acknowledge.newBuilder()
                    .setAgentId(status.getAgentId()).setTaskId(status.getTaskId()).setUuid(status.getUuid()))
                .build());
          }
        }
        default -> say(e.getType().name());
      }
    }
    say("STREAM-ENDED");
  }

  private static void call(SchedulerConnection connection, Call call) throws InterruptedException {
    try {
      connection.call(call);
    } catch (java.io.IOException e) {
      say("CALL-ERROR " + e.getMessage());
    }
  }

  private static synchronized void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
