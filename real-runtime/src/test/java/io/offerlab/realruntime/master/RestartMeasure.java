package io.offerlab.realruntime.master;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.realruntime.agent.AgentRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * A timed run, not a test: {@code RestartMeasure AGENTS RUNS} starts a master process with a registry, AGENTS agents
 * (isolation none) each running one task, kills the master with SIGKILL, starts it again on the same work dir, and
 * prints how long after the restart began every agent had re-registered and the re-subscribed framework got offers.
 */
public final class RestartMeasure {
  private RestartMeasure() {
  }

  /** Run the measurement. */
  public static void main(String[] args) throws Exception {
    int agentCount = Integer.parseInt(args[0]);
    int runs = Integer.parseInt(args[1]);
    for (int run = 1; run <= runs; run++) {
      Path work = Files.createTempDirectory("offerlab-restart");
      List<Process> masters = new ArrayList<>();
      List<AgentRuntime> agents = new ArrayList<>();
      var http = HttpClient.newHttpClient();
      try {
        Path dir = work.resolve("master");
        int port = MasterRestartTest.startMaster(masters, dir, 0, 600_000);
        String at = "127.0.0.1:" + port;
        for (int i = 0; i < agentCount; i++) {
          agents.add(AgentRuntime.start(new AgentRuntime.Options(at, "127.0.0.1", 0, null, "cpus:1;mem:512",
              work.resolve("a" + i), "none", null)));
        }
        String info = "{\"user\":\"u\",\"name\":\"m\",\"failover_timeout\":600}";
        String id;
        try (var framework = new RawScheduler(at, info, true)) {
          id = framework.frameworkId;
          int launched = 0;
          while (launched < agentCount) {
            for (Offer offer : framework.await(e -> e.getType() == Event.Type.OFFERS).getOffers().getOffersList()) {
              if (launched < agentCount) {
                framework.launch(offer, "t" + launched++, "sleep 300");
              }
            }
          }
          for (int i = 0; i < agentCount; i++) {
            framework.awaitState("t" + i, "TASK_RUNNING");
          }
        }
        masters.get(0).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        long start = System.nanoTime();
        MasterRestartTest.startMaster(masters, dir, port, 600_000);
        long serving = System.nanoTime();
        while (new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create("http://" + at
            + "/master/state")).build(), HttpResponse.BodyHandlers.ofString()).body()).path("activated_slaves")
            .asInt() < agentCount) {
          Thread.sleep(10);
        }
        long reregistered = System.nanoTime();
        try (var again = new RawScheduler(at, "{\"id\":{\"value\":\"" + id + "\"}," + info.substring(1), true)) {
          again.await(e -> e.getType() == Event.Type.OFFERS);
          long offers = System.nanoTime();
          System.out.printf(Locale.ROOT, "run %d: agents %d, master serving %.2f s, all agents re-registered %.2f s,"
              + " offers resumed %.2f s%n", run, agentCount, (serving - start) / 1e9, (reregistered - start) / 1e9,
              (offers - start) / 1e9);
          again.call("\"type\":\"TEARDOWN\"");
        }
      } finally {
        for (AgentRuntime a : agents) {
          a.close();
        }
        for (Process p : masters) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
    System.exit(0);
  }
}
